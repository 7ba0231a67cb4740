namespace Summarizer.Backends;

/// <summary>Creates backends of one provider (Extractive, OpenAI, ...) from their options.</summary>
public interface IBackendProvider
{
    string Provider { get; }

    ISummaryBackend Create(string name, BackendOptions options);
}

internal sealed class ExtractiveBackendProvider : IBackendProvider
{
    public string Provider => ExtractiveBackend.ProviderName;

    public ISummaryBackend Create(string name, BackendOptions options) => new ExtractiveBackend(name);
}
