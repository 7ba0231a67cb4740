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

internal sealed class ExtractiveBackendProvider : IBackendProvider
{
    public string Provider => ExtractiveBackend.ProviderName;

    public ISummaryBackend Create(string name, BackendOptions options) => new ExtractiveBackend(name, BackendLimits.From(options));
}
