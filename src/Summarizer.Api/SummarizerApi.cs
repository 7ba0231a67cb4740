using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>The HTTP surface, as a library: the embedded silo and the gateway both map it.</summary>
public static class SummarizerApi
{
    public static IEndpointRouteBuilder MapSummarizerApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var v1 = app.MapGroup("/v1").WithTags("Summarizer");

        v1.MapPost("/digests", CreateDigest)
            .WithName("CreateDigest")
            .WithSummary("Brief and key-quote digest of an article, in one call.")
            .Accepts<DigestRequest>("application/json", "text/plain", "text/html")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        v1.MapPost("/articles", StoreArticle)
            .WithName("StoreArticle")
            .WithSummary("Store an article; the same text always gets the same id.")
            .Accepts<ArticleRequest>("application/json", "text/plain", "text/html")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        v1.MapGet("/articles/{id}", GetArticle).WithName("GetArticle").WithSummary("Metadata of a stored article.");
        v1.MapGet("/articles/{id}/brief", GetBrief).WithName("GetBrief").WithSummary("The brief of a stored article.")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        v1.MapGet("/articles/{id}/brief/stream", BriefStreamApi.StreamBrief).WithName("StreamBrief")
            .WithSummary("The brief as Server-Sent Events: progress, token, then result (or error).")
            .Produces(StatusCodes.Status200OK, contentType: BriefStreamApi.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        v1.MapGet("/articles/{id}/quotes", GetQuotes).WithName("GetQuotes").WithSummary("The key-quote digest of a stored article.");
        v1.MapClusterApi();
        return app;
    }

    internal static async Task<Results<Ok<DigestResponse>, ProblemHttpResult>> CreateDigest(
        HttpRequest request, IGrainFactory grains, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (body, kind, problem) = await RequestBody.ReadAsync(request, o.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var digest = new DigestRequest();
        if (kind == BodyKind.Json)
        {
            (digest, problem) = RequestBody.ParseJson<DigestRequest>(body!);
            if (problem is not null)
            {
                return problem;
            }
        }
        else
        {
            digest = kind == BodyKind.Html ? new DigestRequest { Html = body } : new DigestRequest { Text = body };
            var query = request.Query;
            digest = digest with { Title = query["title"], Length = query["length"], Backend = query["backend"] };
            if (query.ContainsKey("maxQuotes"))
            {
                if (!int.TryParse(query["maxQuotes"], out var mq))
                {
                    return Problems.Invalid("maxQuotes", $"maxQuotes must be an integer between 0 and {o.MaxQuotesLimit}.");
                }

                digest = digest with { MaxQuotes = mq };
            }
        }

        if (!BriefLengths.TryParse(digest!.Length, out var length))
        {
            return Problems.Invalid("length", "length must be one of: short, medium, long.");
        }

        var max = digest.MaxQuotes ?? o.DefaultMaxQuotes;
        if (max < 0 || max > o.MaxQuotesLimit)
        {
            return Problems.Invalid("maxQuotes", $"maxQuotes must be between 0 and {o.MaxQuotesLimit}.");
        }

        var (content, contentProblem) = ArticleInput.From(digest.Text, digest.Html, digest.Title, sourceUrl: null);
        if (contentProblem is not null)
        {
            return contentProblem;
        }

        var id = ArticleId.Compute(content!.Text);
        var article = grains.GetGrain<IArticleGrain>(id);
        var info = await article.StoreAsync(content, cancellationToken);
        var briefTask = article.GetBriefAsync(new BriefOptions(length, digest.Backend), cancellationToken);
        var quotesTask = article.GetKeyQuotesAsync(max, digest.Backend, cancellationToken);
        var brief = await briefTask;
        var quotes = await quotesTask;
        return TypedResults.Ok(new DigestResponse(
            id, info.Title, info.Date, length.ToWireName(), brief.Text, brief.Sentences,
            [.. quotes.Quotes.Select(q => q.ToResponse())], brief.Backend.ToResponse(), brief.Cached, brief.Degraded, brief.DegradedReason));
    }

    internal static async Task<Results<Created<ArticleResponse>, Ok<ArticleResponse>, ProblemHttpResult>> StoreArticle(
        HttpRequest request, HttpResponse response, IGrainFactory grains, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var (body, kind, problem) = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var input = kind switch
        {
            BodyKind.Json => null,
            BodyKind.Html => new ArticleRequest { Html = body, Title = request.Query["title"] },
            _ => new ArticleRequest { Text = body, Title = request.Query["title"] },
        };
        if (input is null)
        {
            (input, problem) = RequestBody.ParseJson<ArticleRequest>(body!);
            if (problem is not null)
            {
                return problem;
            }
        }

        var (content, contentProblem) = ArticleInput.From(input!.Text, input.Html, input.Title, input.SourceUrl);
        if (contentProblem is not null)
        {
            return contentProblem;
        }

        var id = ArticleId.Compute(content!.Text);
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
        if (!ArticleId.IsWellFormed(id))
        {
            return UnknownArticle(id);
        }

        var info = await grains.GetGrain<IArticleGrain>(id).GetInfoAsync(cancellationToken);
        return info is null ? UnknownArticle(id) : TypedResults.Ok(info.ToResponse());
    }

    internal static async Task<Results<Ok<BriefResponse>, ProblemHttpResult>> GetBrief(
        string id, string? length, string? backend, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!BriefLengths.TryParse(length, out var preset))
        {
            return Problems.Invalid("length", "length must be one of: short, medium, long.");
        }

        if (!ArticleId.IsWellFormed(id))
        {
            return UnknownArticle(id);
        }

        var brief = await grains.GetGrain<IArticleGrain>(id).GetBriefAsync(new BriefOptions(preset, backend), cancellationToken);
        return TypedResults.Ok(brief.ToResponse(id, preset));
    }

    internal static async Task<Results<Ok<QuotesResponse>, ProblemHttpResult>> GetQuotes(
        string id, string? max, string? backend, IGrainFactory grains, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var n = o.DefaultMaxQuotes;
        if (max is not null && (!int.TryParse(max, out n) || n < 0 || n > o.MaxQuotesLimit))
        {
            return Problems.Invalid("max", $"max must be an integer between 0 and {o.MaxQuotesLimit}.");
        }

        if (!ArticleId.IsWellFormed(id))
        {
            return UnknownArticle(id);
        }

        var digest = await grains.GetGrain<IArticleGrain>(id).GetKeyQuotesAsync(n, backend, cancellationToken);
        return TypedResults.Ok(new QuotesResponse(id, [.. digest.Quotes.Select(q => q.ToResponse())], digest.TotalQuotes, digest.Cached,
            digest.Backend?.ToResponse(), digest.Degraded, digest.DegradedReason));
    }

    private static ProblemHttpResult UnknownArticle(string id) => Problems.NotFound($"No article with id '{id}' is stored.");
}
