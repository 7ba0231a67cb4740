using Summarizer.Text;

namespace Summarizer.Backends;

/// <summary>
/// The backend seam: one configured source of summaries (the offline extractive ranker, or a
/// Semantic Kernel chat-completion service). Instances are registered per configured name.
/// </summary>
public interface ISummaryBackend
{
    /// <summary>The configured name (key under <c>Summarizer:Backends</c>).</summary>
    string Name { get; }

    /// <summary>The provider (Extractive, Ollama, OpenAI, ...).</summary>
    string Provider { get; }

    /// <summary>The model or deployment that answers, or null for the extractive backend.</summary>
    string? Model { get; }

    /// <summary>Version of the prompts (or algorithm); part of every cache key.</summary>
    string PromptVersion { get; }

    /// <summary>Its limits (context, output, concurrency, timeouts, breaker, budget), built once from its options.</summary>
    BackendLimits Limits { get; }

    /// <summary>
    /// True when the backend takes an article of any length in one pass (it has no context window,
    /// like the extractive ranker), so long articles are not split into chunks for it.
    /// </summary>
    bool SinglePass => false;

    Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken);

    /// <summary>The answer as it is produced, token by token (or sentence by sentence).</summary>
    IAsyncEnumerable<string> StreamAsync(SummaryRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Picks the key quotes among those the extractor found, by index; a model may shorten them.
    /// What comes back is unchecked: <see cref="IBackendInvoker.SelectQuotesAsync"/> keeps only quotes
    /// that occur verbatim in the article. The default is the extractive ranking.
    /// </summary>
    Task<QuoteChoice> SelectQuotesAsync(QuoteSelectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var chosen = KeyQuoteSelector.Select(request.Candidates, request.Max);
        var index = new Dictionary<Quote, int>();
        for (var i = 0; i < request.Candidates.Count; i++)
        {
            index.TryAdd(request.Candidates[i], i);
        }

        return Task.FromResult(new QuoteChoice([.. chosen.Select(q => new ChosenQuote(index[q], q.Text))]));
    }
}
