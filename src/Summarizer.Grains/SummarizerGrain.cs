using System.Diagnostics;
using System.Runtime.CompilerServices;
using Orleans.Placement;
using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;
using Summarizer.Text;

namespace Summarizer.Grains;

/// <summary>
/// The cluster's worker: summarises one text with one backend (<see cref="SummaryWorker"/>) and
/// keeps the answer. Keyed by text hash + spec, so the same text asked for by any article or
/// request is summarised once; non-reentrant turns plus the kept result make concurrent identical
/// calls share one backend call. Placed at random to spread map work over the silos.
/// <see cref="StreamAsync"/> serves the last step of a brief, whose tokens the article grain relays.
/// </summary>
[RandomPlacement]
public sealed class SummarizerGrain(SummaryWorker worker) : Grain, ISummarizerGrain
{
    private Brief? _result;

    public async Task<Brief> SummarizeAsync(SummarizeWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        Tag(work);
        if (_result is not null)
        {
            return _result with { Cached = true };
        }

        CheckKey(work);
        var brief = await worker.SummarizeAsync(work, cancellationToken);
        if (!brief.Degraded)
        {
            _result = brief;
        }

        return brief;
    }

    public async IAsyncEnumerable<SummaryPiece> StreamAsync(SummarizeWork work, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        Tag(work);
        if (_result is not null)
        {
            yield return new SummaryPiece(null, _result with { Cached = true });
            yield break;
        }

        CheckKey(work);
        await foreach (var piece in worker.StreamAsync(work, cancellationToken).WithCancellation(cancellationToken))
        {
            if (piece.Brief is { Degraded: false } brief)
            {
                _result = brief;
            }

            yield return piece;
        }
    }

    /// <summary>Names the work on the incoming grain-call span (Orleans activity propagation), whichever silo runs it.</summary>
    private void Tag(SummarizeWork work) =>
        Activity.Current?.SetTag(TelemetryTags.Spec, this.GetPrimaryKeyString())
            .SetTag(TelemetryTags.Backend, work.Backend)
            .SetTag(TelemetryTags.WorkKind, work.Target.Kind.ToWireName())
            .SetTag(TelemetryTags.Cached, _result is not null);

    private void CheckKey(SummarizeWork work)
    {
        var key = this.GetPrimaryKeyString();
        var hash = key[..key.IndexOf('|', StringComparison.Ordinal)];
        if (!string.Equals(ArticleId.Compute(work.Text), hash, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The text does not hash to summarizer key '{key}'.", nameof(work));
        }
    }
}
