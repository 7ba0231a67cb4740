using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;

namespace Summarizer.Grains.Tests.Pipeline;

/// <summary>One call the pipeline made through its worker port.</summary>
public sealed record WorkerCall(string Key, WorkKind Kind, int Sentences, bool Stream, string Text);

/// <summary>
/// A worker that answers at once (or when <see cref="Gate"/> opens) with <see cref="Answer"/>'s text,
/// and records every call; <see cref="Degrade"/> marks chosen answers degraded.
/// </summary>
public sealed class FakeSummaryWorker : ISummaryWorker
{
    private readonly ConcurrentQueue<WorkerCall> _calls = new();

    public IReadOnlyList<WorkerCall> Calls => [.. _calls];

    public Func<SummarizeWork, string> Answer { get; set; } = w => $"Summary of {w.Target.Kind} {w.Text.Length}.";

    public Func<SummarizeWork, bool> Degrade { get; set; } = _ => false;

    /// <summary>When set, every call waits for it (and for the caller's cancellation).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Brief> SummarizeAsync(string key, SummarizeWork work, CancellationToken cancellationToken)
    {
        _calls.Enqueue(new WorkerCall(key, work.Target.Kind, work.Target.Sentences, false, work.Text));
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Brief(work);
    }

    public async IAsyncEnumerable<SummaryPiece> StreamAsync(string key, SummarizeWork work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _calls.Enqueue(new WorkerCall(key, work.Target.Kind, work.Target.Sentences, true, work.Text));
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        var brief = Brief(work);
        foreach (var sentence in brief.Sentences)
        {
            yield return new SummaryPiece(sentence, null);
        }

        yield return new SummaryPiece(null, brief);
    }

    private Brief Brief(SummarizeWork work)
    {
        var text = Answer(work);
        var degraded = Degrade(work);
        return new Brief(text, [text], new BackendRef(work.Backend, "fake"), Cached: false, degraded, degraded ? "fallback answered" : null);
    }
}
