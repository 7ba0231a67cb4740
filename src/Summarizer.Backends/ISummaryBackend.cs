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

    Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken);

    /// <summary>The answer as it is produced, token by token (or sentence by sentence).</summary>
    IAsyncEnumerable<string> StreamAsync(SummaryRequest request, CancellationToken cancellationToken);
}
