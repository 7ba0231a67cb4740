using System.Text;
using SmartReader;
using Summarizer.Extraction;
using Summarizer.Text;

namespace Summarizer.Eval.Extraction;

/// <summary>What the <c>extract</c> command can score: the service's extractor, and two baselines
/// measured the way shared/data/html/README.md measured them.</summary>
internal static class EvalExtractors
{
    public const string Ours = "ours";
    public const string SmartReaderPlain = "smartreader";
    public const string Regex = "regex";

    /// <summary>Our extractor's candidates alone (<see cref="ExtractionOptions.OnlyCandidate"/>), to see what each adds.</summary>
    public static readonly string[] Candidates =
        [ExtractionCandidates.DomRules, ExtractionCandidates.Readability, ExtractionCandidates.ReadabilityPlain, ExtractionCandidates.JsonLd];

    public static readonly string[] Names = [Ours, SmartReaderPlain, Regex, .. Candidates];

    /// <summary>The service's extractor, or one of its candidates alone.</summary>
    public static ArticleExtractor Create(string name) =>
        new(new ExtractionOptions { OnlyCandidate = Candidates.Contains(name) ? name : null });

    /// <summary>A page's text from its raw bytes. SmartReader reads the bytes itself (as the README's baseline did);
    /// the others get the text <see cref="HtmlDecoding"/> decodes, outside the timed part.</summary>
    public static Func<byte[], Uri, EvalOutput> ForBytes(string name, ArticleExtractor extractor, Action<bool> timing)
    {
        if (name == SmartReaderPlain)
        {
            return (bytes, url) =>
            {
                timing(true);
                using var stream = new MemoryStream(bytes);
                var text = new Reader(url.AbsoluteUri, stream).GetArticle().TextContent ?? "";
                timing(false);
                return new(text, null, "smartreader");
            };
        }

        var fromText = ForText(name, extractor);
        return (bytes, url) =>
        {
            var html = HtmlDecoding.Decode(bytes);
            timing(true);
            var output = fromText(html, url);
            timing(false);
            return output;
        };
    }

    /// <summary>A page's text from already decoded HTML.</summary>
    public static Func<string, Uri, EvalOutput> ForText(string name, ArticleExtractor extractor) => name switch
    {
        SmartReaderPlain => (html, url) =>
        {
            var a = new Reader(url.AbsoluteUri, html).GetArticle();
            var date = a.PublicationDate is { } d && d != default ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
            return new(a.TextContent ?? "", new PageMetadata(a.Title, a.Byline ?? a.Author, date, a.SiteName, a.Language, null, a.Excerpt), "smartreader");
        },
        Regex => (html, _) =>
        {
            var (text, title) = HtmlText.ToPlainText(html);
            return new(text, new PageMetadata(title, null, null, null, null, null, null), "regex");
        },
        _ => (html, url) => FromResult(extractor.Extract(html, url)),
    };

    private static EvalOutput FromResult(ExtractionResult r) => new(r.Text, r.Metadata, r.Method, r.Rejection?.Reason);

    static EvalExtractors() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}

/// <summary>One extractor's answer for a page; <see cref="Rejected"/> is the quality gate's reason, if any.</summary>
internal sealed record EvalOutput(string Text, PageMetadata? Metadata, string Method, string? Rejected = null);
