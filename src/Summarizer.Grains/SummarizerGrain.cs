using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains;

/// <summary>
/// Summarises one text with one backend and keeps the answer. Keyed by text hash + spec, so the
/// same text asked for by any article or request is summarised once; non-reentrant turns plus the
/// kept result make concurrent identical calls share one backend call. Placed at random to spread
/// map work over the silos. <see cref="StreamAsync"/> serves the last step of a brief, whose tokens
/// the article grain relays; only one run asks for a given final step, so it needs no in-flight table.
/// </summary>
[RandomPlacement]
public sealed class SummarizerGrain(IBackendInvoker invoker, IBackendCatalog catalog, IOptionsMonitor<SummarizerOptions> options) : Grain, ISummarizerGrain
{
    private Brief? _result;

    public async Task<Brief> SummarizeAsync(SummarizeWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_result is not null)
        {
            return _result with { Cached = true };
        }

        CheckKey(work);
        var outcome = await invoker.SummarizeAsync(work.Backend, Request(work), cancellationToken);
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

    public async IAsyncEnumerable<SummaryPiece> StreamAsync(SummarizeWork work, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_result is not null)
        {
            yield return new SummaryPiece(null, _result with { Cached = true });
            yield break;
        }

        CheckKey(work);
        var text = new StringBuilder();
        var noTokens = false;
        var tokens = invoker.StreamAsync(work.Backend, Request(work), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await tokens.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception) when (text.Length == 0 && !cancellationToken.IsCancellationRequested)
                {
                    // Nothing streamed yet: the plain call below brings retries and the fallback backend.
                    noTokens = true;
                    break;
                }

                text.Append(tokens.Current);
                yield return new SummaryPiece(tokens.Current, null);
            }
        }
        finally
        {
            await tokens.DisposeAsync();
        }

        if (noTokens)
        {
            yield return new SummaryPiece(null, await SummarizeAsync(work, cancellationToken));
            yield break;
        }

        var backend = catalog.Get(work.Backend);
        var sentences = backend.SinglePass
            ? [.. SentenceSplitter.Split(text.ToString().Trim()).Select(s => s.Slice(text.ToString().Trim()))]
            : Sentences(backend.Name, text.ToString(), Request(work).TargetSentences);

        var brief = new Brief(string.Join(' ', sentences), sentences, new BackendRef(backend.Name, backend.Model), Cached: false, Degraded: false, DegradedReason: null);
        _result = brief;
        yield return new SummaryPiece(null, brief);
    }

    /// <summary>
    /// A model's streamed answer checked by the same rules as a plain one (<see cref="ModelOutput.ParseBrief"/>:
    /// one sentence per line), each line then split into sentences in case a model put two on one.
    /// </summary>
    private List<string> Sentences(string backend, string answer, int target)
    {
        IReadOnlyList<string> lines;
        try
        {
            var maxOutput = options.CurrentValue.Backends.TryGetValue(backend, out var o) ? o.MaxOutputTokens : new BackendOptions().MaxOutputTokens;
            lines = ModelOutput.ParseBrief(answer, target, maxOutput);
        }
        catch (ModelOutputException e)
        {
            throw new BackendFailureException(backend, BackendFailureKind.BadAnswer, $"Backend '{backend}' streamed an unusable brief: {e.Message}");
        }

        return [.. lines.SelectMany(line => SentenceSplitter.Split(line).Select(s => s.Slice(line)))];
    }

    private void CheckKey(SummarizeWork work)
    {
        var key = this.GetPrimaryKeyString();
        var hash = key[..key.IndexOf('|', StringComparison.Ordinal)];
        if (!string.Equals(ArticleId.Compute(work.Text), hash, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The text does not hash to summarizer key '{key}'.", nameof(work));
        }
    }

    private static SummaryRequest Request(SummarizeWork work)
    {
        var sentences = work.TargetSentences > 0 ? work.TargetSentences : work.Length.Sentences();
        var kind = work.Kind switch
        {
            WorkKind.Map => SummaryTaskKind.Map,
            WorkKind.Reduce => SummaryTaskKind.Reduce,
            _ => SummaryTaskKind.Brief,
        };
        return new SummaryRequest(work.Text, work.Title, sentences, kind);
    }
}
