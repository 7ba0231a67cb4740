using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>
/// <c>/v1/collections</c>: several articles about one story as one immutable collection (keyed by
/// the sorted article ids and the options), and its digest: each article's brief, a combined brief,
/// the key quotes de-duplicated across articles with every source, and a timeline.
/// </summary>
public static class CollectionsApi
{
    public const string RouteValue = "id";

    public static IEndpointRouteBuilder MapCollectionsApi(this IEndpointRouteBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var collections = v1.MapGroup("/collections");
        collections.MapPost("", CreateCollection)
            .WithName("CreateCollection")
            .WithSummary("Create a collection of articles (stored ids, texts, HTML or URLs); the same set with the same options is the same collection.")
            .Accepts<CollectionRequest>("application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true)
                {
                    json.Example = ApiExamples.CollectionRequest();
                }

                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var collection = collections.MapGroup($"/{{{RouteValue}}}")
            .AddEndpointFilter(async (context, next) =>
                ArticleId.IsWellFormed(context.HttpContext.Request.RouteValues[RouteValue] as string) ? await next(context) : UnknownCollection(context.HttpContext.Request.RouteValues[RouteValue] as string ?? ""))
            .ProducesProblem(StatusCodes.Status404NotFound);
        collection.MapGet("", GetCollection).WithName("GetCollection")
            .WithSummary("The collection's digest: per-article briefs, the combined brief, merged key quotes with their sources, the timeline.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        collection.MapGet("/stream", StreamCollection).WithName("StreamCollection")
            .WithSummary("The digest as Server-Sent Events: progress (articles done of total, then combine), then result (or error).")
            .WithEventStream("Events: `progress` (articles done of total, then combine), then `result` (the digest) or `error` (a problem, when the work fails after the stream started).",
                ("progress", typeof(CollectionProgressEvent)), ("result", typeof(CollectionResponse)), ("error", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    internal static async Task<Results<Created<CollectionCreatedResponse>, Ok<CollectionCreatedResponse>>> CreateCollection(
        CollectionBody body, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var members = new CollectionMember[body.Items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, body.Items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.CollectionIngestParallelism), CancellationToken = cancellationToken },
            async (i, ct) => members[i] = await MemberAsync(body.Items[i], http, grains, ct));

        var id = ArticleId.ForCollection(body.Spec.Key, members.Select(m => m.Key));
        var grain = grains.GetGrain<ICollectionGrain>(id);
        var existed = await grain.GetDefinitionAsync(cancellationToken) is not null;
        var definition = await grain.CreateAsync(new CollectionDefinition(id, body.Spec, members), cancellationToken);
        var location = $"/v1/collections/{id}";
        if (existed)
        {
            http.Response.Headers.Location = location;
            return TypedResults.Ok(definition.ToResponse());
        }

        return TypedResults.Created(location, definition.ToResponse());
    }

    internal static async Task<Ok<CollectionResponse>> GetCollection(
        string id, [AsParameters] VerifyQuery query, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok((await grains.GetGrain<ICollectionGrain>(id).GetDigestAsync(cancellationToken)).ToResponse(query.Strict));

    internal static async Task<ServerSentEventsResult<string>> StreamCollection(
        string id, [AsParameters] VerifyQuery query, HttpContext http, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (first, any) = await BriefEvents.FirstAsync(grains.GetGrain<ICollectionGrain>(id).StreamDigestAsync(cancellationToken), cancellationToken);
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(BriefEvents.ToSse(first, any, e => ToItem(e, query.Strict), id, http, loggers.CreateLogger(typeof(CollectionsApi)), cancellationToken));
    }

    private static SseItem<string> ToItem(CollectionEvent e, bool strict) => e.Kind == CollectionEventKind.Progress
        ? BriefEvents.Item("progress", new CollectionProgressEvent(e.Stage ?? "", e.Done, e.Total))
        : BriefEvents.Item("result", e.Digest!.ToResponse(strict));

    /// <summary>One article of the request as a member: stored (and its id), or the problem that kept it out.</summary>
    private static async Task<CollectionMember> MemberAsync(CollectionItemRequest item, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (item.Id is { Length: > 0 } articleId)
        {
            var known = ArticleId.IsWellFormed(articleId) && await grains.GetGrain<IArticleGrain>(articleId).GetInfoAsync(cancellationToken) is not null;
            return known
                ? new CollectionMember(articleId, null, "id:" + articleId)
                : new CollectionMember(null, Member(ArticleIdFilter.UnknownArticle(Bounded(articleId))), "id:" + Bounded(articleId));
        }

        var input = item.Url is { Length: > 0 } url ? Bounded(url)
            : item.Html is { Length: > 0 } html ? "html:" + ArticleId.Compute(html)[..12]
            : "text:" + ArticleId.Compute(item.Text ?? "")[..12];
        var (content, problem) = await ArticleInput.FromAsync(new ArticleFields(item.Text, item.Html, item.Url, item.Title, item.SourceUrl), http);
        if (problem is not null)
        {
            return new CollectionMember(null, Member(problem), input);
        }

        var id = ArticleId.Compute(content!.Text);
        try
        {
            await grains.GetGrain<IArticleGrain>(id).StoreAsync(content, cancellationToken);
        }
        catch (Exception e) when (ProblemMapping.From(e) is { Status: >= 400 and < 500 } client)
        {
            return new CollectionMember(null, new MemberProblem(client.Status!.Value, Slug(client.Type), client.Title ?? "", client.Detail), input);
        }

        return new CollectionMember(id, null, input);
    }

    private static MemberProblem Member(ProblemHttpResult problem)
    {
        var p = problem.ProblemDetails;
        return new MemberProblem(p.Status ?? problem.StatusCode, Slug(p.Type), p.Title ?? "", p.Detail);
    }

    private static string Slug(string? type) =>
        type is not null && type.StartsWith(Problems.TypeBase, StringComparison.Ordinal) ? type[Problems.TypeBase.Length..] : type ?? "about:blank";

    private static string Bounded(string s) => s.Length <= 2048 ? s : s[..2048];

    private static ProblemHttpResult UnknownCollection(string id) =>
        Problems.NotFound($"No collection with id '{Bounded(id)}' exists.");
}
