using Microsoft.Extensions.DependencyInjection;
using Summarizer.Text;

namespace Summarizer.Backends;

/// <summary>Creates backends of one provider (Extractive, OpenAI, ...) from their options.</summary>
public interface IBackendProvider
{
    string Provider { get; }

    /// <summary>
    /// What is wrong with a backend's options for this provider, one message per fault, each naming
    /// its key (<paramref name="key"/> is <c>Summarizer:Backends:&lt;name&gt;</c>). Never echoes a secret.
    /// </summary>
    IEnumerable<string> Validate(string key, BackendOptions options) => [];

    ISummaryBackend Create(string name, BackendOptions options);
}

/// <summary>
/// Extractive backends; <c>Embeddings</c> names a sentence embedder registered as a keyed
/// <see cref="ISentenceEmbedder"/> (the pipeline registers <c>MiniLM</c>); unset, ranking is lexical.
/// </summary>
internal sealed class ExtractiveBackendProvider(IServiceProvider services) : IBackendProvider
{
    public string Provider => ExtractiveBackend.ProviderName;

    public IEnumerable<string> Validate(string key, BackendOptions options)
    {
        if (!string.IsNullOrEmpty(options.Embeddings) && services.GetKeyedService<ISentenceEmbedder>(options.Embeddings) is null)
        {
            yield return $"{key}:Embeddings names no known sentence embedder: '{options.Embeddings}'.";
        }
    }

    public ISummaryBackend Create(string name, BackendOptions options) =>
        new ExtractiveBackend(name, BackendLimits.From(options), string.IsNullOrEmpty(options.Embeddings) ? null : services.GetRequiredKeyedService<ISentenceEmbedder>(options.Embeddings));
}
