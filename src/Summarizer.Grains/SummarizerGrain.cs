using Orleans.Placement;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains;

/// <summary>
/// Summarises one text with one backend and keeps the answer. Keyed by text hash + spec, so the
/// same text asked for by any article or request is summarised once; non-reentrant turns plus the
/// kept result make concurrent identical calls share one backend call. Placed at random to spread
/// map work over the silos.
/// </summary>
[RandomPlacement]
public sealed class SummarizerGrain(IBackendInvoker invoker) : Grain, ISummarizerGrain
{
    private Brief? _result;

    public async Task<Brief> SummarizeAsync(SummarizeWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_result is not null)
        {
            return _result with { Cached = true };
        }

        var key = this.GetPrimaryKeyString();
        var hash = key[..key.IndexOf('|', StringComparison.Ordinal)];
        if (!string.Equals(ArticleId.Compute(work.Text), hash, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The text does not hash to summarizer key '{key}'.", nameof(work));
        }

        var outcome = await invoker.SummarizeAsync(work.Backend, new SummaryRequest(work.Text, work.Title, work.Length.Sentences()), cancellationToken);
        var sentences = outcome.Answer.Sentences.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        var brief = new Brief(
            string.Join(' ', sentences), sentences,
            new BackendRef(outcome.AnsweredBy.Name, outcome.AnsweredBy.Model),
            Cached: false, outcome.Degraded, outcome.DegradedReason);
        if (!brief.Degraded)
        {
            _result = brief;
        }

        return brief;
    }
}
