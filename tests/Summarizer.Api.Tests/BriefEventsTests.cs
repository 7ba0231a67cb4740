using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Summarizer.Contracts;

namespace Summarizer.Api.Tests;

/// <summary>The brief's grain events as Server-Sent Events: names, payloads, and how a stream ends.</summary>
public sealed class BriefEventsTests
{
    private static readonly Brief Done = new("One. Two.", ["One.", "Two."], new BackendRef("llm", "m"), Cached: false, Degraded: false, DegradedReason: null);

    [Fact]
    public async Task Progress_token_and_result_events_carry_their_payloads_in_order()
    {
        var items = await ToListAsync(Events(BriefEvent.Progress("map", 1, 2), BriefEvent.Token("One."), BriefEvent.Result(Done)));

        Assert.Equal(["progress", "token", "result"], items.Select(i => i.EventType));
        var progress = JsonDocument.Parse(items[0].Data).RootElement;
        Assert.Equal("map", progress.GetProperty("stage").GetString());
        Assert.Equal(1, progress.GetProperty("done").GetInt32());
        Assert.Equal(2, progress.GetProperty("total").GetInt32());
        Assert.Equal("One.", JsonDocument.Parse(items[1].Data).RootElement.GetProperty("text").GetString());
        var result = JsonDocument.Parse(items[2].Data).RootElement;
        Assert.Equal("medium", result.GetProperty("length").GetString());
        Assert.Equal("id1", result.GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task A_failure_mid_stream_ends_it_with_an_error_event_holding_problem_details()
    {
        var failure = new BackendFailureException("llm", BackendFailureKind.Timeout, "too slow");
        var items = await ToListAsync(Events([BriefEvent.Progress("map", 1, 2)], failure));

        Assert.Equal(["progress", "error"], items.Select(i => i.EventType));
        var problem = JsonDocument.Parse(items[1].Data).RootElement;
        Assert.Equal(504, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://summarizer.dev/problems/backend-timeout", problem.GetProperty("type").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task The_client_leaving_ends_the_stream_quietly()
    {
        using var cts = new CancellationTokenSource();
        var items = new List<SseItem<string>>();
        var events = Cancelling(cts);
        var enumerator = events.GetAsyncEnumerator(cts.Token);
        Assert.True(await enumerator.MoveNextAsync());
        await foreach (var item in BriefEvents.ToSse(enumerator, any: true, "id1", BriefLength.Medium, strict: false, new DefaultHttpContext(), NullLogger.Instance, cts.Token))
        {
            items.Add(item);
        }

        Assert.Equal(["progress"], items.Select(i => i.EventType));
    }

    private static async Task<List<SseItem<string>>> ToListAsync(IAsyncEnumerable<BriefEvent> events)
    {
        var enumerator = events.GetAsyncEnumerator();
        var any = await enumerator.MoveNextAsync();
        var items = new List<SseItem<string>>();
        await foreach (var item in BriefEvents.ToSse(enumerator, any, "id1", BriefLength.Medium, strict: false, new DefaultHttpContext(), NullLogger.Instance, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    private static IAsyncEnumerable<BriefEvent> Events(params BriefEvent[] events) => Events(events, failure: null);

    private static async IAsyncEnumerable<BriefEvent> Events(BriefEvent[] events, Exception? failure)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    private static async IAsyncEnumerable<BriefEvent> Cancelling(CancellationTokenSource cts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return BriefEvent.Progress("map", 0, 2);
        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        yield return BriefEvent.Progress("map", 1, 2);
    }
}
