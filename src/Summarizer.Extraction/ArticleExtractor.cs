using AngleSharp.Html.Parser;

namespace Summarizer.Extraction;

/// <summary>
/// Finds the article in a web page: parses the decoded HTML once (AngleSharp), reads the page's
/// metadata, builds candidate article texts and keeps the best, then checks that what is left is
/// an article (not empty, a teaser, a paywall stub or a cookie wall). Thread-safe: keep one.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly ExtractionOptions options;

    public ArticleExtractor(ExtractionOptions? options = null)
    {
        this.options = options ?? new ExtractionOptions();
        this.options.Validate();
    }

    public ExtractionResult Extract(string html, Uri? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > options.MaxHtmlChars)
        {
            html = html[..options.MaxHtmlChars];
        }

        // One parser per call: AngleSharp parsers keep per-parse state.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument(html);
        var jsonLd = JsonLdArticle.Find(document);
        var metadata = MetadataReader.Read(document, jsonLd, pageUrl);

        var pageSignals = PageSignals.Read(document, jsonLd);
        List<TextBlock>? blocks = null;
        var method = "none";
        try
        {
            blocks = ReadabilityCandidate.Blocks(document, pageUrl, parser);
            method = blocks is null ? method : "readability";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A third-party scorer must not turn a strange page into a server error: no candidate.
            blocks = null;
        }

        var text = blocks is null ? "" : BlockWriter.Join(blocks);
        var rejection = QualityGate.Check(text, pageSignals, options);
        return new ExtractionResult(text, metadata, rejection, method);
    }
}
