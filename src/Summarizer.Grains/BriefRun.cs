using Summarizer.Contracts;

namespace Summarizer.Grains;

/// <summary>
/// One brief being computed for one spec inside an article grain: its events so far (replayed to
/// every caller that joins late), the callers waiting on it, and the cancellation shared by all
/// the backend work it started. Only touched on the grain's scheduler, so it needs no locks.
/// </summary>
internal sealed class BriefRun(string spec) : IDisposable
{
    private readonly List<BriefEvent> _events = [];
    private readonly CancellationTokenSource _cancellation = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Spec { get; } = spec;

    public IReadOnlyList<BriefEvent> Events => _events;

    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Callers waiting on the result (a plain request or a stream).</summary>
    public int Waiters { get; private set; }

    public Task<Brief> Completion { get; set; } = Task.FromException<Brief>(new InvalidOperationException("Not started."));

    public bool IsFinished => Completion.IsCompleted;

    /// <summary>Completes at the next published event or at the end of the run.</summary>
    public Task Changed => _next.Task;

    public void Publish(BriefEvent e)
    {
        _events.Add(e);
        Signal();
    }

    public void Signal()
    {
        var current = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        current.TrySetResult();
    }

    public void Join() => Waiters++;

    /// <summary>A caller stopped waiting; returns true when it was the last and the run was cancelled.</summary>
    public bool Leave()
    {
        Waiters--;
        if (Waiters > 0 || IsFinished)
        {
            return false;
        }

        _cancellation.Cancel();
        return true;
    }

    public void Cancel() => _cancellation.Cancel();

    public void Dispose() => _cancellation.Dispose();
}
