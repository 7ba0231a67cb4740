using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// The body of <c>POST /v1/digests</c>, read and checked once: JSON (<see cref="DigestRequest"/>),
/// or the article itself as <c>text/plain</c> / <c>text/html</c> with the other fields in the query.
/// A new field goes in <see cref="DigestRequest"/>, <see cref="FromQuery"/> (for a plain body) and here.
/// </summary>
public sealed class DigestBody : IRequestPart
{
    private DigestBody(ProblemHttpResult problem) => Problem = problem;

    private DigestBody(ArticleContent content, BriefLength length, int maxQuotes, string? backend, bool strict) =>
        (Content, Length, MaxQuotes, Backend, Strict) = (content, length, maxQuotes, backend, strict);

    public ProblemHttpResult? Problem { get; }

    public ArticleContent? Content { get; }

    public BriefLength Length { get; }

    public int MaxQuotes { get; }

    public string? Backend { get; }

    /// <summary><c>verify=strict</c>: the brief without its flagged sentences.</summary>
    public bool Strict { get; }

    public static async ValueTask<DigestBody> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var (request, problem) = await RequestBody.BindAsync(context, options, FromQuery);
        if (problem is not null)
        {
            return new DigestBody(problem);
        }

        var maxQuotes = 0;
        var strict = false;
        problem = ApiParameters.Length(request!.Length, out var length)
            ?? ApiParameters.Count("maxQuotes", request.MaxQuotes, options.DefaultMaxQuotes, options.MaxQuotesLimit, out maxQuotes)
            ?? ApiParameters.Verify(request.Verify, out strict);
        if (problem is not null)
        {
            return new DigestBody(problem);
        }

        var (content, contentProblem) = await ArticleInput.FromAsync(
            new ArticleFields(request.Text, request.Html, request.Url, request.Title, SourceUrl: null), context);
        return contentProblem is not null ? new DigestBody(contentProblem) : new DigestBody(content!, length, maxQuotes, request.Backend, strict);
    }

    /// <summary>A plain-text or HTML body is the article; the other fields come from the query.</summary>
    private static (DigestRequest? Request, ProblemHttpResult? Problem) FromQuery(string body, BodyKind kind, IQueryCollection query, ApiOptions options)
    {
        var problem = ApiParameters.Count("maxQuotes", query["maxQuotes"].FirstOrDefault(), options.DefaultMaxQuotes, options.MaxQuotesLimit, out var maxQuotes);
        if (problem is not null)
        {
            return (null, problem);
        }

        var request = kind == BodyKind.Html ? new DigestRequest { Html = body } : new DigestRequest { Text = body };
        return (request with
        {
            Title = query["title"],
            Length = query["length"],
            Backend = query["backend"],
            Verify = query["verify"],
            MaxQuotes = query.ContainsKey("maxQuotes") ? maxQuotes : null,
        }, null);
    }
}
