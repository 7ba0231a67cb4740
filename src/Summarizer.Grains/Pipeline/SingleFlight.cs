using System.Runtime.CompilerServices;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// One computation shared by every caller that asks for the same key: its events so far (replayed
/// to a caller that joins late), the callers waiting on it, and the cancellation of all the work it
/// started, cancelled when the last caller leaves. Thread-safe, so it runs the same in a grain and
/// in a plain process.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The source has no timer (no CancelAfter), so it holds nothing to free; disposing it at the end would race a caller leaving late.")]
public sealed class Flight<TEvent, TResult>
{
    private readonly object _gate = new();
    private readonly List<TEvent> _events = [];
    private readonly CancellationTokenSource _cancellation = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiters;
    private bool _finished;

    internal Flight(string key) => Key = key;

    public string Key { get; }

    /// <summary>Cancelled when the last caller leaves before the end, or when the work fails.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    public Task<TResult> Completion { get; internal set; } = null!;

    /// <summary>Callers waiting now.</summary>
    public int Waiters
    {
        get
        {
            lock (_gate)
            {
                return _waiters;
            }
        }
    }

    public void Publish(TEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
            SignalLocked();
        }
    }

    internal void Join()
    {
        lock (_gate)
        {
            _waiters++;
        }
    }

    /// <summary>A caller stopped waiting; true when it was the last before the end (the work is then cancelled).</summary>
    internal bool Leave()
    {
        lock (_gate)
        {
            if (--_waiters > 0 || _finished)
            {
                return false;
            }
        }

        _cancellation.Cancel();
        return true;
    }

    internal void Cancel() => _cancellation.Cancel();

    internal void Finish()
    {
        lock (_gate)
        {
            _finished = true;
            SignalLocked();
        }
    }

    /// <summary>The events from <paramref name="next"/> on, whether the flight has ended, and a task that completes at the next change.</summary>
    internal (TEvent[] Events, bool Finished, Task Changed) Read(int next)
    {
        lock (_gate)
        {
            return ([.. _events.Skip(next)], _finished, _next.Task);
        }
    }

    private void SignalLocked()
    {
        var current = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        current.TrySetResult();
    }
}

/// <summary>
/// A table of <see cref="Flight{TEvent,TResult}"/> by key: concurrent identical requests share one
/// computation (join), a caller that goes away leaves it, the last to leave cancels it, and a caller
/// that joins late gets every event so far. A finished or cancelled flight leaves the table, so the
/// next request starts afresh; what to keep is the caller's cache, not this table's.
/// </summary>
public sealed class SingleFlight<TEvent, TResult>
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Flight<TEvent, TResult>> _flights = new(StringComparer.Ordinal);

    /// <summary>Called with the key when a flight is cancelled because its last caller left.</summary>
    public Action<string>? Abandoned { get; init; }

    /// <summary>Flights in progress.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _flights.Count;
            }
        }
    }

    /// <summary>
    /// The flight for <paramref name="key"/>: the one in progress, or a new one running
    /// <paramref name="work"/>. New work starts after a yield, so the caller joins before any work
    /// (and any failure) happens.
    /// </summary>
    public Flight<TEvent, TResult> GetOrStart(string key, Func<Flight<TEvent, TResult>, Task<TResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_flights.TryGetValue(key, out var running))
            {
                return running;
            }

            var flight = new Flight<TEvent, TResult>(key);
            _flights[key] = flight;
            flight.Completion = RunAsync(flight, work);
            return flight;
        }
    }

    /// <summary>The flight in progress for <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out Flight<TEvent, TResult> flight)
    {
        lock (_gate)
        {
            return _flights.TryGetValue(key, out flight!);
        }
    }

    /// <summary>Joins <paramref name="flight"/> and waits for its result; leaving (this caller's cancellation) may cancel it.</summary>
    public async Task<TResult> WaitAsync(Flight<TEvent, TResult> flight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flight);
        flight.Join();
        try
        {
            return await flight.Completion.WaitAsync(cancellationToken);
        }
        finally
        {
            Leave(flight);
        }
    }

    /// <summary>Joins <paramref name="flight"/> and yields every event, from the first; ends with its failure if it fails.</summary>
    public async IAsyncEnumerable<TEvent> ReplayAsync(Flight<TEvent, TResult> flight, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flight);
        flight.Join();
        try
        {
            var next = 0;
            while (true)
            {
                var (events, finished, changed) = flight.Read(next);
                next += events.Length;
                foreach (var e in events)
                {
                    yield return e;
                }

                if (finished)
                {
                    break;
                }

                await changed.WaitAsync(cancellationToken);
            }

            await flight.Completion;
        }
        finally
        {
            Leave(flight);
        }
    }

    private void Leave(Flight<TEvent, TResult> flight)
    {
        if (flight.Leave())
        {
            Remove(flight);
            Abandoned?.Invoke(flight.Key);
        }
    }

    private async Task<TResult> RunAsync(Flight<TEvent, TResult> flight, Func<Flight<TEvent, TResult>, Task<TResult>> work)
    {
        await Task.Yield();
        try
        {
            return await work(flight);
        }
        catch
        {
            flight.Cancel(); // stop sibling calls of a failed step
            throw;
        }
        finally
        {
            Remove(flight);
            flight.Finish();
        }
    }

    private void Remove(Flight<TEvent, TResult> flight)
    {
        lock (_gate)
        {
            if (_flights.TryGetValue(flight.Key, out var current) && ReferenceEquals(current, flight))
            {
                _flights.Remove(flight.Key);
            }
        }
    }
}
