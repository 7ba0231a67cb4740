using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>
/// <c>/v1/articles</c>: store an article, then read its metadata, brief (plain or streamed) and key
/// quotes. Endpoints under <c>/{id}</c> share <see cref="ArticleIdFilter"/>; query parameters are
/// <see cref="IRequestPart"/> records checked by the <c>/v1</c> group's filter.
/// </summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var articles = v1.MapGroup("/articles");
        articles.MapPost("", StoreArticle)
            .WithName("StoreArticle")
            .WithSummary("Store an article; the same text always gets the same id.")
            .Accepts<ArticleRequest>("application/json", "text/plain", "text/html")
            .WithArticleBodies(ApiExamples.ArticleRequest(), "title")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        var article = articles.MapGroup($"/{{{ArticleIdFilter.RouteValue}}}")
            .AddEndpointFilter<ArticleIdFilter>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        article.MapGet("", GetArticle).WithName("GetArticle").WithSummary("Metadata of a stored article.");
        article.MapGet("/text", GetText).WithName("GetArticleText")
            .WithSummary("The normalised text every quote offset indexes.")
            .WithDescription("text/plain; charset=utf-8. Quote `start`/`end` offsets are UTF-16 code units into this text (as JavaScript and .NET string indices), end exclusive.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        article.MapGet("/brief", GetBrief).WithName("GetBrief").WithSummary("The brief of a stored article.")
            .WithLengthQuery()
            .WithResponseExample("200", ApiExamples.Brief())
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        article.MapGet("/brief/stream", StreamBrief).WithName("StreamBrief")
            .WithSummary("The brief as Server-Sent Events: progress, token, then result (or error).")
            .WithLengthQuery()
            .WithEventStream("Events: `progress` (chunks mapped, reduce levels), `token` (the final brief, piece by piece), then `result` (the brief) or `error` (a problem, when the work fails after the stream started).",
                ("progress", typeof(BriefProgressEvent)), ("token", typeof(BriefTokenEvent)), ("result", typeof(BriefResponse)), ("error", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)))
            .WithStreamLimits()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        article.MapGet("/quotes", GetQuotes).WithName("GetQuotes").WithSummary("The key-quote digest of a stored article.")
            .WithCountQuery("max")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    internal static async Task<Results<Created<ArticleResponse>, Ok<ArticleResponse>>> StoreArticle(
        ArticleBody body, HttpResponse response, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var content = body.Content!;
        var id = ArticleId.Compute(content.Text);
        var article = grains.GetGrain<IArticleGrain>(id);
        var existed = await article.GetInfoAsync(cancellationToken) is not null;
        var info = await article.StoreAsync(content, cancellationToken);
        var location = $"/v1/articles/{id}";
        if (existed)
        {
            response.Headers.Location = location;
            return TypedResults.Ok(info.ToResponse());
        }

        return TypedResults.Created(location, info.ToResponse());
    }

    internal static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetArticle(
        string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<IArticleGrain>(id).GetInfoAsync(cancellationToken);
        return info is null ? ArticleIdFilter.UnknownArticle(id) : TypedResults.Ok(info.ToResponse());
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetText(
        string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var text = await grains.GetGrain<IArticleGrain>(id).GetTextAsync(cancellationToken);
        return text is null ? ArticleIdFilter.UnknownArticle(id) : TypedResults.Text(text, "text/plain; charset=utf-8", System.Text.Encoding.UTF8);
    }

    internal static async Task<Ok<BriefResponse>> GetBrief(
        string id, [AsParameters] BriefQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var brief = await grains.GetGrain<IArticleGrain>(id).GetBriefAsync(query.ToOptions(), cancellationToken);
        return TypedResults.Ok(brief.ToResponse(id, query.Preset, query.Strict));
    }

    /// <summary>
    /// The grain's brief events as Server-Sent Events (<see cref="BriefEvents"/>). The first event is
    /// awaited before the response starts, so a failure before it (unknown id, over a limit) is a
    /// plain ProblemDetails response with its status. When the client goes away, the request's
    /// cancellation reaches the grain, which cancels the work if no other request waits on it.
    /// </summary>
    internal static async Task<ServerSentEventsResult<string>> StreamBrief(
        string id, [AsParameters] BriefQuery query, HttpContext http, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (first, any) = await BriefEvents.FirstAsync(grains.GetGrain<IArticleGrain>(id).StreamBriefAsync(query.ToOptions(), cancellationToken), cancellationToken);
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var logger = loggers.CreateLogger(typeof(ArticlesApi));
        return TypedResults.ServerSentEvents(BriefEvents.ToSse(first, any, id, query.Preset, query.Strict, http, logger, cancellationToken));
    }

    internal static async Task<Ok<QuotesResponse>> GetQuotes(
        string id, [AsParameters] QuotesQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var digest = await grains.GetGrain<IArticleGrain>(id).GetKeyQuotesAsync(query.Count, query.Backend, cancellationToken);
        return TypedResults.Ok(new QuotesResponse(id, [.. digest.Quotes.Select(q => q.ToResponse())], digest.TotalQuotes, digest.Cached,
            digest.Backend?.ToResponse(), digest.Degraded, digest.DegradedReason));
    }
}
