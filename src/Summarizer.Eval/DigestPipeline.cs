using Summarizer.Text;

namespace Summarizer.Eval;

/// <summary>What the digest pipeline returns for one article.</summary>
public sealed record DigestResult(ArticleDocument Document, IReadOnlyList<string> Brief, IReadOnlyList<Quote> Quotes, IReadOnlyList<Quote> KeyQuotes);

/// <summary>
/// The digest code path the API runs, called in process: <see cref="ArticleDocument.Parse"/>, then
/// <see cref="ExtractiveSummarizer.Summarize"/>, <see cref="QuoteExtractor.Extract"/> and
/// <see cref="KeyQuoteSelector.Select"/>. No copy of any of them lives here.
/// </summary>
public static class DigestPipeline
{
    public const string ExtractiveBackend = "extractive";

    public static IReadOnlyList<string> Backends { get; } = [ExtractiveBackend];

    /// <summary>Sentences per length preset (short = 3, the Lead-3 budget).</summary>
    public static int SentencesFor(string length) => length switch
    {
        "short" => 3,
        "medium" => 5,
        "long" => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, "expected short, medium or long"),
    };

    public static DigestResult Run(string raw, string? title, int sentences, int maxQuotes = KeyQuoteSelector.DefaultMax, string backend = ExtractiveBackend)
    {
        if (backend != ExtractiveBackend)
        {
            throw new ArgumentOutOfRangeException(nameof(backend), backend, "only the extractive backend is wired here");
        }

        var document = ArticleDocument.Parse(raw, title);
        var brief = ExtractiveSummarizer.Summarize(document, sentences);
        var quotes = QuoteExtractor.Extract(document);
        var key = KeyQuoteSelector.Select(quotes, maxQuotes);
        return new DigestResult(document, brief, quotes, key);
    }

    /// <summary>The Lead-N baseline: the first N sentences of the same parsed document.</summary>
    public static IReadOnlyList<string> Lead(ArticleDocument document, int sentences)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Sentences.Take(sentences).Select(s => s.Slice(document.Text))];
    }
}
