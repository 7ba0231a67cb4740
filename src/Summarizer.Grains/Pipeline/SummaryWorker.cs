using System.Runtime.CompilerServices;
using System.Text;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// One summary of one text by one backend, plain or streamed, with the answer checked: what a
/// summarizer grain does, without the grain (no key, no kept result).
/// </summary>
public sealed class SummaryWorker(IBackendInvoker invoker, IBackendCatalog catalog)
{
    public async Task<Brief> SummarizeAsync(SummarizeWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var outcome = await invoker.SummarizeAsync(work.Backend, Request(work), cancellationToken);
        var sentences = outcome.Answer.Sentences.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        return new Brief(
            string.Join(' ', sentences), sentences,
            new BackendRef(outcome.AnsweredBy.Name, outcome.AnsweredBy.Model),
            Cached: false, outcome.Degraded, outcome.DegradedReason);
    }

    /// <summary>
    /// The answer's tokens as the backend streams them, then the brief. When the stream fails before
    /// its first token, the plain call answers instead (it brings retries and the fallback backend).
    /// </summary>
    public async IAsyncEnumerable<SummaryPiece> StreamAsync(SummarizeWork work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
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
        var answer = text.ToString();
        var sentences = backend.SinglePass
            ? [.. SentenceSplitter.Split(answer.Trim()).Select(s => s.Slice(answer.Trim()))]
            : Sentences(backend, answer, work.Target.Sentences);
        yield return new SummaryPiece(null, new Brief(string.Join(' ', sentences), sentences, new BackendRef(backend.Name, backend.Model), Cached: false, Degraded: false, DegradedReason: null));
    }

    /// <summary>
    /// A model's streamed answer checked by the same rules as a plain one (<see cref="ModelOutput.ParseBrief"/>:
    /// one sentence per line), each line then split into sentences in case a model put two on one.
    /// </summary>
    private static List<string> Sentences(ISummaryBackend backend, string answer, int target)
    {
        IReadOnlyList<string> lines;
        try
        {
            lines = ModelOutput.ParseBrief(answer, target, backend.Limits.MaxOutputTokens);
        }
        catch (ModelOutputException e)
        {
            throw new BackendFailureException(backend.Name, BackendFailureKind.BadAnswer, $"Backend '{backend.Name}' streamed an unusable brief: {e.Message}");
        }

        return [.. lines.SelectMany(line => SentenceSplitter.Split(line).Select(s => s.Slice(line)))];
    }

    private static SummaryRequest Request(SummarizeWork work) => new(work.Text, work.Title, work.Target);
}
