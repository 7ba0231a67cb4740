using System.Runtime.CompilerServices;
using Summarizer.Text;

namespace Summarizer.Backends;

/// <summary>
/// The offline, deterministic backend: <see cref="ExtractiveSummarizer"/> behind the seam. With an
/// <paramref name="embedder"/> (<c>Summarizer:Backends:&lt;name&gt;:Embeddings</c>) sentence similarity is
/// the embedding model's; without one, TF-IDF's.
/// </summary>
public sealed class ExtractiveBackend(string name, BackendLimits? limits = null, ISentenceEmbedder? embedder = null) : ISummaryBackend
{
    public const string ProviderName = "Extractive";

    public string Name { get; } = name;

    public string Provider => ProviderName;

    public string? Model => null;

    public BackendLimits Limits { get; } = limits ?? BackendLimits.Default;

    /// <summary>Bump when the ranking changes, so cached briefs are recomputed.</summary>
    public string PromptVersion { get; } = embedder is null ? "extractive-3" : $"extractive-3+{embedder.Name}";

    /// <summary>Ranking sentences needs no context window: one pass over the whole article is better than chunking.</summary>
    public bool SinglePass => true;

    public Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var document = ArticleDocument.FromNormalized(request.Text, request.Title, date: null);
        return Task.FromResult(new SummaryAnswer(ExtractiveSummarizer.Summarize(document, Math.Max(1, request.Target.Sentences), embedder, cancellationToken)));
    }

    public async IAsyncEnumerable<string> StreamAsync(SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await SummarizeAsync(request, cancellationToken);
        for (var i = 0; i < answer.Sentences.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return i == 0 ? answer.Sentences[i] : " " + answer.Sentences[i];
        }
    }
}
