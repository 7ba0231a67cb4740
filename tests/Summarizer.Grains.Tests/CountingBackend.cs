using System.Collections.Concurrent;
using Summarizer.Backends;

namespace Summarizer.Grains.Tests;

/// <summary>
/// A real extractive backend that counts every call, shared by all silos of the in-process
/// cluster, so a test can prove how many times the backend was asked.
/// </summary>
public sealed class CountingBackendProvider : IBackendProvider
{
    public const string ProviderName = "Counting";

    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public string Provider => ProviderName;

    public int CallsFor(string text) => _calls.GetValueOrDefault(text);

    public int TotalCalls => _calls.Values.Sum();

    public ISummaryBackend Create(string name, BackendOptions options) => new Counting(name, BackendLimits.From(options), this);

    private sealed class Counting(string name, BackendLimits limits, CountingBackendProvider owner) : ISummaryBackend
    {
        private readonly ExtractiveBackend _inner = new(name, limits);

        public string Name => name;

        public string Provider => ProviderName;

        public string? Model => "counting-1";

        public string PromptVersion => _inner.PromptVersion;

        public BackendLimits Limits => _inner.Limits;

        public Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
        {
            owner._calls.AddOrUpdate(request.Text, 1, (_, n) => n + 1);
            return _inner.SummarizeAsync(request, cancellationToken);
        }

        public IAsyncEnumerable<string> StreamAsync(SummaryRequest request, CancellationToken cancellationToken)
        {
            // The article grain streams the final step of a brief: a streamed answer is a backend call too.
            owner._calls.AddOrUpdate(request.Text, 1, (_, n) => n + 1);
            return _inner.StreamAsync(request, cancellationToken);
        }
    }
}
