using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// The key-quote digest of one article: extract the quotes (<see cref="QuoteExtractor"/>), let the
/// backend choose (<see cref="IBackendInvoker.SelectQuotesAsync"/>, which falls back to the
/// extractive ranking), and verify each chosen quote against the text at its offsets.
/// </summary>
public sealed class KeyQuoteDigester(IBackendInvoker invoker)
{
    public static IReadOnlyList<Quote> Extract(ArticleDocument document) => QuoteExtractor.Extract(document);

    public async Task<QuoteDigest> DigestAsync(ArticleDocument document, IReadOnlyList<Quote> candidates, int max, string backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(candidates);
        var outcome = await invoker.SelectQuotesAsync(backend, new QuoteSelectionRequest(document.Text, document.Title, candidates, max), cancellationToken);
        var quotes = outcome.Quotes
            .Select(q => new KeyQuote(q.Text, q.Speaker, q.Start, q.End, Verified: Verify(document.Text, q)))
            .ToList();
        return new QuoteDigest(quotes, candidates.Count, Cached: false,
            new BackendRef(outcome.AnsweredBy.Name, outcome.AnsweredBy.Model), outcome.Degraded, outcome.DegradedReason);
    }

    private static bool Verify(string text, Quote q) =>
        q.Start >= 0 && q.End <= text.Length && q.Start <= q.End && string.Equals(text[q.Start..q.End], q.Text, StringComparison.Ordinal);
}
