using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Summarizer.Contracts;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// The pipeline's worker in one process (the eval CLI): a <see cref="SummaryWorker"/> that keeps each
/// key's answer as a summarizer grain does (not a degraded one), so the same text and spec is
/// summarised once, and the calls made are the cluster's.
/// </summary>
public sealed class InProcessSummaryWorker(SummaryWorker worker) : ISummaryWorker
{
    private readonly ConcurrentDictionary<string, Brief> _kept = new(StringComparer.Ordinal);

    public async Task<Brief> SummarizeAsync(string key, SummarizeWork work, CancellationToken cancellationToken)
    {
        if (_kept.TryGetValue(key, out var kept))
        {
            return kept with { Cached = true };
        }

        var brief = await worker.SummarizeAsync(work, cancellationToken);
        if (!brief.Degraded)
        {
            _kept[key] = brief;
        }

        return brief;
    }

    public async IAsyncEnumerable<SummaryPiece> StreamAsync(string key, SummarizeWork work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_kept.TryGetValue(key, out var kept))
        {
            yield return new SummaryPiece(null, kept with { Cached = true });
            yield break;
        }

        await foreach (var piece in worker.StreamAsync(work, cancellationToken))
        {
            if (piece.Brief is { Degraded: false } brief)
            {
                _kept[key] = brief;
            }

            yield return piece;
        }
    }
}
