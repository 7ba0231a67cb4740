using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// The body of <c>POST /v1/articles</c>, read and checked once: JSON (<see cref="ArticleRequest"/>),
/// or the article itself as <c>text/plain</c> / <c>text/html</c> with <c>?title=</c>. A <c>url</c> is
/// fetched here (through its URL grain), so a fetch failure is the request's problem.
/// </summary>
public sealed class ArticleBody : IRequestPart
{
    private ArticleBody(ProblemHttpResult? problem, ArticleContent? content) => (Problem, Content) = (problem, content);

    public ProblemHttpResult? Problem { get; }

    public ArticleContent? Content { get; }

    public static async ValueTask<ArticleBody> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var (request, problem) = await RequestBody.BindAsync(context, options, FromQuery);
        if (problem is not null)
        {
            return new ArticleBody(problem, null);
        }

        var (content, contentProblem) = await ArticleInput.FromAsync(
            new ArticleFields(request!.Text, request.Html, request.Url, request.Title, request.SourceUrl), context);
        return new ArticleBody(contentProblem, content);
    }

    private static (ArticleRequest? Request, ProblemHttpResult? Problem) FromQuery(string body, BodyKind kind, IQueryCollection query, ApiOptions options) =>
        (kind == BodyKind.Html ? new ArticleRequest { Html = body, Title = query["title"] } : new ArticleRequest { Text = body, Title = query["title"] }, null);
}
