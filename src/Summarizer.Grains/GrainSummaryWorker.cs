using Summarizer.Contracts;

using Summarizer.Grains.Pipeline;

namespace Summarizer.Grains;

/// <summary>The cluster's worker: each key is a summarizer grain, placed at random over the silos.</summary>
public sealed class GrainSummaryWorker(IGrainFactory grains) : ISummaryWorker
{
    public Task<Brief> SummarizeAsync(string key, SummarizeWork work, CancellationToken cancellationToken) =>
        grains.GetGrain<ISummarizerGrain>(key).SummarizeAsync(work, cancellationToken);

    public IAsyncEnumerable<SummaryPiece> StreamAsync(string key, SummarizeWork work, CancellationToken cancellationToken) =>
        grains.GetGrain<ISummarizerGrain>(key).StreamAsync(work, cancellationToken);
}
