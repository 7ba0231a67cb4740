using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;
using Summarizer.Extraction;
using Summarizer.Fetching;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>The article fields of a write request: exactly one of text, html or url, and the optional metadata.</summary>
internal sealed record ArticleFields(string? Text, string? Html, string? Url, string? Title, string? SourceUrl);

/// <summary>
/// Turns what a client sent (text, HTML, or a URL to fetch) into normalised article content, or the
/// problem with it. HTML bodies and fetched pages take one path: <see cref="ArticleExtractor"/>
/// (run here for a body, in the <see cref="IUrlGrain"/> for a URL), its quality gate (422
/// <c>no-article</c>), then the same normalisation as plain text.
/// </summary>
internal static class ArticleInput
{
    private static readonly string[] Fields = ["text", "html", "url"];

    public static async ValueTask<(ArticleContent? Content, ProblemHttpResult? Problem)> FromAsync(ArticleFields fields, HttpContext http)
    {
        string?[] values = [fields.Text, fields.Html, fields.Url];
        var given = Fields.Where((_, i) => !string.IsNullOrEmpty(values[i])).ToArray();
        if (given.Length != 1)
        {
            return (null, given.Length == 0
                ? Problems.MalformedFields("The article is missing: send exactly one of 'text', 'html' or 'url'.", Fields)
                : Problems.MalformedFields($"Send exactly one of 'text', 'html' or 'url', not {string.Join(" and ", given.Select(g => $"'{g}'"))}.", given));
        }

        var maxTitle = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxTitleChars;
        if (fields.Title is { } clientTitle && clientTitle.Length > maxTitle)
        {
            return (null, Problems.Invalid("title", $"The title is {clientTitle.Length} characters long; the limit is {maxTitle} (Summarizer:Api:MaxTitleChars)."));
        }

        if (fields.Url is { Length: > 0 } url)
        {
            return await FromUrlAsync(url, fields.Title, http);
        }

        if (fields.Html is { Length: > 0 } html)
        {
            var result = http.RequestServices.GetRequiredService<ArticleExtractor>().Extract(html, AbsoluteOrNull(fields.SourceUrl));
            var m = result.Metadata;
            var metadata = new ArticleMetadata(m.Byline, m.SiteName, m.Language, m.CanonicalUrl, m.Description, null, result.Method);
            return FromExtracted(new PageArticle(result.Text, m.Title, m.Published, metadata, result.Rejection?.Reason, result.Rejection?.Detail),
                fields.Title, fields.SourceUrl ?? m.CanonicalUrl);
        }

        return FromText(fields.Text, fields.Title, date: null, fields.SourceUrl, metadata: null);
    }

    private static async ValueTask<(ArticleContent?, ProblemHttpResult?)> FromUrlAsync(string url, string? title, HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<UrlPolicy>().TryCheck(url, out var uri, out var reason))
        {
            return (null, Problems.Fetch(new PageFailure("url-refused", reason, null)));
        }

        var page = await http.RequestServices.GetRequiredService<IGrainFactory>()
            .GetGrain<IUrlGrain>(UrlPolicy.Normalize(uri)).GetAsync(http.RequestAborted);
        if (page.Failure is { } failure)
        {
            return (null, Problems.Fetch(failure));
        }

        var article = page.Article!;
        return FromExtracted(article, title, article.Metadata.CanonicalUrl ?? article.Metadata.FetchedUrl);
    }

    private static (ArticleContent?, ProblemHttpResult?) FromExtracted(PageArticle article, string? title, string? sourceUrl)
    {
        if (article.Rejection is { } rejection)
        {
            return (null, Problems.NoArticle(rejection, article.RejectionDetail ?? "The page holds no article text."));
        }

        var (content, problem) = FromText(article.Text, string.IsNullOrWhiteSpace(title) ? article.Title : title, article.Published, sourceUrl, article.Metadata);
        return problem is null ? (content, null) : (null, Problems.NoArticle("empty", "The page's article text holds no sentences to summarise."));
    }

    private static (ArticleContent?, ProblemHttpResult?) FromText(string? text, string? title, string? date, string? sourceUrl, ArticleMetadata? metadata)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Problems.Malformed("The article text is empty: send it as 'text', 'html' or 'url'.", "text"));
        }

        var document = ArticleDocument.Parse(text, string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        if (!document.HasSentences)
        {
            return (null, Problems.NoArticleText("The text holds no sentences (no letters or digits) to summarise."));
        }

        return (new ArticleContent(document.Text, document.Title, document.Date ?? date, sourceUrl, metadata), null);
    }

    private static Uri? AbsoluteOrNull(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
