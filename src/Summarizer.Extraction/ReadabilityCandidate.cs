using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Summarizer.Extraction;

/// <summary>Mozilla Readability's scoring (SmartReader's port) over the page: the article element it
/// picks, cut into blocks by <see cref="BlockWriter"/>, with the page's class names kept so the
/// boilerplate rules apply to what it picked too. SmartReader changes the document it reads.</summary>
internal static class ReadabilityCandidate
{
    private const string PlaceholderUrl = "https://page.invalid/";

    public static List<TextBlock>? Blocks(IHtmlDocument document, Uri? pageUrl, HtmlParser parser, bool clean)
    {
        var url = pageUrl is { IsAbsoluteUri: true } && pageUrl.Scheme is "http" or "https" ? pageUrl.AbsoluteUri : PlaceholderUrl;
        using var reader = new Reader(url, document) { Debug = false, Logging = ReportLevel.Issue, ContinueIfNotReadable = true, KeepClasses = clean };
        var article = reader.GetArticle();
        if (string.IsNullOrWhiteSpace(article.Content))
        {
            return null;
        }

        // SmartReader hands back the article as HTML; reading it again is cheap next to the scoring.
        var content = parser.ParseDocument("<!DOCTYPE html><html><body>" + article.Content + "</body></html>");
        if (content.Body is null)
        {
            return null;
        }

        return clean ? BoilerplateBlocks.Clean(DomRulesCandidate.Read(content.Body)) : BlockWriter.Blocks(content.Body);
    }
}
