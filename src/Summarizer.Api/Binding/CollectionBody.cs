using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// The body of <c>POST /v1/collections</c> (JSON only), read and checked once: between one and
/// Summarizer:Api:MaxCollectionArticles articles, each exactly one of id, text, html or url, and the
/// options. The articles are read (stored, extracted, fetched) by the handler; one that fails there
/// is reported in its place, not as the request's failure.
/// </summary>
public sealed class CollectionBody : IRequestPart
{
    private static readonly string[] Fields = ["id", "text", "html", "url"];

    private CollectionBody(ProblemHttpResult problem) => Problem = problem;

    private CollectionBody(IReadOnlyList<CollectionItemRequest> items, CollectionSpec spec) => (Items, Spec) = (items, spec);

    public ProblemHttpResult? Problem { get; }

    public IReadOnlyList<CollectionItemRequest> Items { get; } = [];

    public CollectionSpec Spec { get; } = new(BriefLength.Short, 0, null);

    public static async ValueTask<CollectionBody> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var (request, problem) = await RequestBody.BindAsync<CollectionRequest>(context, options, (_, _, _, _) =>
            (null, Problems.UnsupportedMediaType("A collection is sent as application/json: {\"articles\": [{\"url\": ...}, {\"text\": ...}, {\"id\": ...}]}.")));
        if (problem is not null)
        {
            return new CollectionBody(problem);
        }

        var maxQuotes = 0;
        problem = ApiParameters.Length(request!.Length, out var length)
            ?? ApiParameters.Count("maxQuotes", request.MaxQuotes, options.DefaultMaxQuotes, options.MaxQuotesLimit, out maxQuotes)
            ?? CheckItems(request.Articles, options.MaxCollectionArticles);
        return problem is not null
            ? new CollectionBody(problem)
            : new CollectionBody([.. request.Articles!.Select(a => a!)], new CollectionSpec(length, maxQuotes, string.IsNullOrWhiteSpace(request.Backend) ? null : request.Backend.Trim()));
    }

    private static ProblemHttpResult? CheckItems(IReadOnlyList<CollectionItemRequest?>? items, int max)
    {
        if (items is null || items.Count == 0)
        {
            return Problems.Invalid("articles", "articles must list at least one article: {\"id\"}, {\"text\"}, {\"html\"} or {\"url\"}.");
        }

        if (items.Count > max)
        {
            return Problems.Invalid("articles", $"A collection holds at most {max} articles (Summarizer:Api:MaxCollectionArticles); {items.Count} were sent.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string?[] values = item is null ? [] : [item.Id, item.Text, item.Html, item.Url];
            var given = Fields.Where((_, k) => k < values.Length && !string.IsNullOrEmpty(values[k])).ToArray();
            if (given.Length != 1)
            {
                var detail = given.Length == 0
                    ? $"articles[{i}] is empty: give exactly one of 'id', 'text', 'html' or 'url'."
                    : $"articles[{i}] gives {string.Join(" and ", given.Select(g => $"'{g}'"))}: give exactly one of 'id', 'text', 'html' or 'url'.";
                return Problems.Invalid($"articles[{i}]", detail);
            }
        }

        return null;
    }
}
