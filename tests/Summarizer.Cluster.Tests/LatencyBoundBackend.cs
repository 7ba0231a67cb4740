using Summarizer.Backends;

namespace Summarizer.Cluster.Tests;

/// <summary>
/// A stand-in for a model server: every call takes a fixed latency, and at most
/// <c>maxConcurrency</c> calls run at once per silo (the provider is a per-host singleton, so each
/// silo has its own slots), like a backend's per-silo <c>MaxConcurrency</c>. The answer is the real
/// extractive brief. It takes the Extractive provider's name because main's options validator knows
/// only that provider; the test host removes the real Extractive provider before adding this one.
/// </summary>
public sealed class LatencyBoundProvider(TimeSpan latency, int maxConcurrency) : IBackendProvider
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    public string Provider => ExtractiveBackend.ProviderName;

    private readonly TimeSpan _latency = latency;
    private int _calls;

    public int Calls => _calls;

    public ISummaryBackend Create(string name, BackendOptions options) => new LatencyBoundBackend(this, new ExtractiveBackend(name));

    private sealed class LatencyBoundBackend(LatencyBoundProvider provider, ExtractiveBackend inner) : ISummaryBackend
    {
        public string Name => inner.Name;

        public string Provider => inner.Provider;

        public string? Model => "latency-bound";

        public string PromptVersion => inner.PromptVersion;

        public async Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
        {
            await provider._slots.WaitAsync(cancellationToken);
            try
            {
                Interlocked.Increment(ref provider._calls);
                await Task.Delay(provider._latency, cancellationToken);
                return await inner.SummarizeAsync(request, cancellationToken);
            }
            finally
            {
                provider._slots.Release();
            }
        }

        public async IAsyncEnumerable<string> StreamAsync(SummaryRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var answer = await SummarizeAsync(request, cancellationToken);
            foreach (var sentence in answer.Sentences)
            {
                yield return sentence;
            }
        }
    }
}
