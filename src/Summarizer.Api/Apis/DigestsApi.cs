using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary><c>POST /v1/digests</c>: store an article and return its brief and key quotes in one call.</summary>
public static class DigestsApi
{
    public static IEndpointRouteBuilder MapDigestsApi(this IEndpointRouteBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/digests", CreateDigest)
            .WithName("CreateDigest")
            .WithSummary("Brief and key-quote digest of an article (text, html or a url to fetch), in one call.")
            .Accepts<DigestRequest>("application/json", "text/plain", "text/html")
            .WithArticleBodies(ApiExamples.DigestRequest(), "title", "length", "maxQuotes", "backend")
            .WithResponseExample("200", ApiExamples.Digest())
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return v1;
    }

    /// <summary>
    /// The body was checked by <see cref="RequestPartFilter"/>; here it is only used. The source URL and
    /// metadata are this request's (the page just fetched); the stored article keeps those it was first stored with.
    /// </summary>
    internal static async Task<Ok<DigestResponse>> CreateDigest(DigestBody body, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var content = body.Content!;
        var id = ArticleId.Compute(content.Text);
        var article = grains.GetGrain<IArticleGrain>(id);
        var info = await article.StoreAsync(content, cancellationToken);
        var briefTask = article.GetBriefAsync(new BriefOptions(body.Length, body.Backend), cancellationToken);
        var quotesTask = article.GetKeyQuotesAsync(body.MaxQuotes, body.Backend, cancellationToken);
        var brief = (await briefTask).Verified(body.Strict);
        var quotes = await quotesTask;
        var degraded = DegradedParts.Of(brief, quotes);
        return TypedResults.Ok(new DigestResponse(
            id, info.Title, info.Date, body.Length.ToWireName(), brief.Text, brief.Sentences,
            [.. quotes.Quotes.Select(q => q.ToResponse())], brief.Backend.ToResponse(), brief.Cached, degraded.Count > 0, degraded.FirstOrDefault()?.Reason,
            content.SourceUrl ?? info.SourceUrl, (content.Metadata ?? info.Metadata)?.ToResponse(), brief.Faithfulness.ToResponse(body.Strict), degraded));
    }
}
