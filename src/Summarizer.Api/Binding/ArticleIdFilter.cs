using Summarizer.Contracts;
using Microsoft.AspNetCore.Http;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>
/// Route-group filter on <c>/v1/articles/{id}</c>: an id that cannot be an article id is a 404
/// before any grain is called. It runs after <see cref="RequestPartFilter"/>, so a bad query
/// parameter is reported first.
/// </summary>
internal sealed class ArticleIdFilter : IEndpointFilter
{
    public const string RouteValue = "id";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var id = context.HttpContext.Request.RouteValues[RouteValue] as string ?? "";
        return ArticleId.IsWellFormed(id) ? next(context) : ValueTask.FromResult<object?>(UnknownArticle(id));
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownArticle(string id) =>
        Problems.NotFound($"No article with id {Echo.Quote(id)} is stored.");
}
