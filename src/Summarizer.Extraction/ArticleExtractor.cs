using AngleSharp.Html.Parser;

namespace Summarizer.Extraction;

/// <summary>
/// Finds the article in a web page: parses the decoded HTML once (AngleSharp), reads the page's
/// metadata, builds candidate article texts (the page's own markup read with boilerplate rules,
/// Mozilla Readability's scoring with the same rules applied to what it picks, and a plausible
/// JSON-LD <c>articleBody</c>), keeps the best (<see cref="CandidateChooser"/>), then checks that
/// what is left is an article (not empty, a teaser, a paywall stub or a cookie wall). Thread-safe: keep one.
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
        var only = options.OnlyCandidate;

        // The DOM rules read the document as the page sent it; Readability changes it, so it runs last.
        var dom = only is null or ExtractionCandidates.DomRules ? Guarded(() => DomRulesCandidate.Blocks(document)) : null;
        var declared = only is null or ExtractionCandidates.JsonLd && jsonLd?.Body is { } body && document.Body is { } page
            ? JsonLdCandidate.Paragraphs(body, JsonLdCandidate.Collapse(page.TextContent), parser)
            : null;
        var readability = only is null or ExtractionCandidates.Readability or ExtractionCandidates.ReadabilityPlain
            ? Guarded(() => ReadabilityCandidate.Blocks(document, pageUrl, parser, clean: only != ExtractionCandidates.ReadabilityPlain))
            : null;

        var (paragraphs, method) = only switch
        {
            null => CandidateChooser.Choose(dom, readability, declared),
            ExtractionCandidates.DomRules => (Texts(dom), ExtractionCandidates.DomRules),
            ExtractionCandidates.JsonLd => (declared ?? [], ExtractionCandidates.JsonLd),
            _ => (Texts(readability), ExtractionCandidates.Readability),
        };

        var text = string.Join("\n\n", paragraphs);
        var rejection = QualityGate.Check(text, pageSignals, options);
        return new ExtractionResult(text, metadata, rejection, text.Length == 0 ? "none" : method);
    }

    private static List<string> Texts(List<TextBlock>? blocks) => blocks?.Select(b => b.Text).ToList() ?? [];

    /// <summary>A candidate that throws on a strange page is no candidate: extraction must not turn it into a server error.</summary>
    private static List<TextBlock>? Guarded(Func<List<TextBlock>?> candidate)
    {
        try
        {
            return candidate();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}

/// <summary>The names of the candidates, as <see cref="ExtractionResult.Method"/> reports the winner.</summary>
public static class ExtractionCandidates
{
    public const string DomRules = "dom-rules";
    public const string Readability = "readability";
    public const string JsonLd = "json-ld";

    /// <summary>Readability alone, without the boilerplate rules (for measuring only).</summary>
    public const string ReadabilityPlain = "readability-plain";
}
