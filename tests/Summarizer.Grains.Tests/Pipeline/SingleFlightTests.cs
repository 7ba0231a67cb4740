using Summarizer.Grains.Pipeline;

namespace Summarizer.Grains.Tests.Pipeline;

/// <summary>The one single-flight of briefs and key quotes: join, leave, cancel on last leave, replay.</summary>
public sealed class SingleFlightTests
{
    [Fact]
    public async Task Callers_of_the_same_key_share_one_computation()
    {
        var flights = new SingleFlight<string, int>();
        var gate = new TaskCompletionSource<int>();
        var runs = 0;
        Task<int> Work(Flight<string, int> f)
        {
            runs++;
            return gate.Task;
        }

        var a = flights.WaitAsync(flights.GetOrStart("k", Work), CancellationToken.None);
        var b = flights.WaitAsync(flights.GetOrStart("k", Work), CancellationToken.None);
        gate.SetResult(7);

        var results = await Task.WhenAll(a, b);
        Assert.Equal(new[] { 7, 7 }, results);
        Assert.Equal(1, runs);
        Assert.Equal(0, flights.Count);
    }

    [Fact]
    public async Task The_last_caller_leaving_cancels_the_work_and_the_next_request_starts_afresh()
    {
        var abandoned = new List<string>();
        var flights = new SingleFlight<string, int> { Abandoned = abandoned.Add };
        var cancelled = new TaskCompletionSource();
        var flight = flights.GetOrStart("k", async f =>
        {
            await using var registration = f.Cancellation.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, f.Cancellation);
            return 0;
        });
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = flights.WaitAsync(flight, first.Token);
        var b = flights.WaitAsync(flight, second.Token);

        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        Assert.False(flight.Cancellation.IsCancellationRequested, "another caller still waits");

        await second.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        await cancelled.Task;
        Assert.Equal(["k"], abandoned);
        Assert.False(flights.TryGet("k", out _));
        var again = flights.GetOrStart("k", _ => Task.FromResult(1));
        Assert.NotSame(flight, again);
        Assert.Equal(1, await flights.WaitAsync(again, CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_joining_late_gets_every_event_from_the_first()
    {
        var flights = new SingleFlight<string, int>();
        var gate = new TaskCompletionSource();
        var published = new TaskCompletionSource();
        var flight = flights.GetOrStart("k", async f =>
        {
            f.Publish("one");
            f.Publish("two");
            published.SetResult();
            await gate.Task;
            f.Publish("three");
            return 3;
        });
        var early = flights.WaitAsync(flight, CancellationToken.None);
        await published.Task;

        var late = new List<string>();
        var replay = Task.Run(async () =>
        {
            await foreach (var e in flights.ReplayAsync(flight, CancellationToken.None))
            {
                late.Add(e);
            }
        });
        gate.SetResult();
        await replay;

        Assert.Equal(["one", "two", "three"], late);
        Assert.Equal(3, await early);
    }

    [Fact]
    public async Task A_failure_reaches_every_caller_and_leaves_the_table()
    {
        var flights = new SingleFlight<string, int>();
        var flight = flights.GetOrStart("k", async f =>
        {
            await Task.Yield();
            f.Publish("started");
            throw new InvalidOperationException("broken");
        });

        var events = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var e in flights.ReplayAsync(flight, CancellationToken.None))
            {
                events.Add(e);
            }
        });

        Assert.Equal("broken", error.Message);
        Assert.Equal(["started"], events);
        Assert.True(flight.Cancellation.IsCancellationRequested, "a failed flight cancels its sibling calls");
        Assert.Equal(0, flights.Count);
    }
}
