using System.Diagnostics.Metrics;

namespace Summarizer.Backends;

/// <summary>
/// The <c>Summarizer</c> meter: cache behaviour, chunks, fetches and backend calls, shared by grains and
/// backends (requests are counted by the API, <c>summarizer.requests</c>).
/// </summary>
public sealed class SummarizerMetrics
{
    public const string MeterName = "Summarizer";

    public SummarizerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        CacheHits = meter.CreateCounter<long>("summarizer.cache.hits", description: "Results served from an article's or chunk's cache.");
        CacheMisses = meter.CreateCounter<long>("summarizer.cache.misses", description: "Results that had to be computed.");
        BackendCalls = meter.CreateCounter<long>("summarizer.backend.calls", description: "Calls made to a backend.");
        BackendFailures = meter.CreateCounter<long>("summarizer.backend.failures", description: "Backend calls that failed.");
        BackendLatency = meter.CreateHistogram<double>("summarizer.backend.duration", unit: "s", description: "Backend call duration.");
        Fallbacks = meter.CreateCounter<long>("summarizer.backend.fallbacks", description: "Answers given by the fallback backend.");
        TokensIn = meter.CreateCounter<long>("summarizer.backend.tokens.input", description: "Prompt tokens reported by backends.");
        TokensOut = meter.CreateCounter<long>("summarizer.backend.tokens.output", description: "Completion tokens reported by backends.");
        Retries = meter.CreateCounter<long>("summarizer.backend.retries", description: "HTTP attempts to a model backend that were retried (429, 5xx, timeouts).");
        CircuitOpened = meter.CreateCounter<long>("summarizer.backend.circuit.opened", description: "Times a backend's circuit breaker opened.");
        FailuresRecalled = meter.CreateCounter<long>("summarizer.backend.failures.recalled", description: "Backend calls not made because the same spec failed within FailureMemorySeconds, or the backend's breaker was open.");
        Rejected = meter.CreateCounter<long>("summarizer.backend.rejected", description: "Calls refused because the backend's queue was full.");
        QuotesVerified = meter.CreateCounter<long>("summarizer.quotes.verified", description: "Key quotes from a backend found verbatim in the article.");
        Chunks = meter.CreateCounter<long>("summarizer.chunks", description: "Chunks of long articles sent to map steps (one per chunk of each brief computed by map-reduce).");
        Fetches = meter.CreateCounter<long>("summarizer.fetches", description: "Page fetches by outcome: fetched, not-modified (revalidated), cached (no request made), failed.");
        QuotesDropped = meter.CreateCounter<long>("summarizer.quotes.dropped", description: "Key quotes from a backend dropped: not verbatim in the article, or not among the extracted quotes.");
    }

    public Counter<long> CacheHits { get; }

    public Counter<long> CacheMisses { get; }

    public Counter<long> BackendCalls { get; }

    public Counter<long> BackendFailures { get; }

    public Histogram<double> BackendLatency { get; }

    public Counter<long> Fallbacks { get; }

    public Counter<long> TokensIn { get; }

    public Counter<long> TokensOut { get; }

    public Counter<long> Retries { get; }

    public Counter<long> CircuitOpened { get; }

    public Counter<long> FailuresRecalled { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> QuotesVerified { get; }

    public Counter<long> QuotesDropped { get; }

    public Counter<long> Chunks { get; }

    public Counter<long> Fetches { get; }
}
