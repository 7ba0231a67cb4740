using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>Payload of a <c>progress</c> event: a step of the computation finished.</summary>
public sealed record BriefProgressEvent(string Stage, int Done, int Total, int Level);

/// <summary>Payload of a <c>token</c> event: the next piece of the final brief.</summary>
public sealed record BriefTokenEvent(string Text);

/// <summary>
/// The article grain's brief events as Server-Sent Events: <c>progress</c> (chunks mapped, reduce
/// levels), <c>token</c> (the final brief, piece by piece), then <c>result</c> (a
/// <see cref="BriefResponse"/>), or <c>error</c> (ProblemDetails) when the work fails mid-stream.
/// </summary>
public static class BriefEvents
{
    public const string ContentType = "text/event-stream";

    private static readonly JsonSerializerOptions Json = ApiJson.Options;

    /// <summary>
    /// The events of <paramref name="events"/>, whose first move has been made (<paramref name="any"/>
    /// says whether it found one). A failure after that ends the stream with an <c>error</c> event;
    /// the client leaving ends it quietly (the grain saw the same cancellation).
    /// </summary>
    internal static IAsyncEnumerable<SseItem<string>> ToSse(
        IAsyncEnumerator<BriefEvent> events, bool any, string id, BriefLength length, bool strict, HttpContext http, ILogger logger,
        CancellationToken cancellationToken) =>
        ToSse(events, any, e => ToItem(e, id, length, strict), id, http, logger, cancellationToken);

    /// <summary>Any grain's events as Server-Sent Events, the same way: <paramref name="toItem"/> names each event; a failure after the first ends the stream with <c>error</c>.</summary>
    internal static async IAsyncEnumerable<SseItem<string>> ToSse<TEvent>(
        IAsyncEnumerator<TEvent> events, bool any, Func<TEvent, SseItem<string>> toItem, string id, HttpContext http, ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var e = events;
        while (any)
        {
            yield return toItem(e.Current);
            Exception? failure = null;
            try
            {
                any = await e.MoveNextAsync();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            catch (Exception ex)
            {
                failure = ex;
                any = false;
            }

            if (failure is not null)
            {
                yield return ErrorItem(failure, id, http, logger);
            }
        }
    }

    /// <summary>
    /// Makes the first move of <paramref name="events"/> before the response starts, so a failure
    /// before the first event (unknown id, over a limit) is a plain ProblemDetails response.
    /// </summary>
    internal static async Task<(IAsyncEnumerator<TEvent> Events, bool Any)> FirstAsync<TEvent>(IAsyncEnumerable<TEvent> events, CancellationToken cancellationToken)
    {
        var first = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            return (first, await first.MoveNextAsync());
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    // With verify=strict the tokens are the brief as written; the result leaves its flagged sentences out.
    private static SseItem<string> ToItem(BriefEvent e, string id, BriefLength length, bool strict) => e.Kind switch
    {
        BriefEventKind.Progress => Item("progress", new BriefProgressEvent(e.Stage ?? "", e.Done, e.Total, e.Level)),
        BriefEventKind.Token => Item("token", new BriefTokenEvent(e.Text ?? "")),
        _ => Item("result", e.Brief!.ToResponse(id, length, strict)),
    };

    private static SseItem<string> ErrorItem(Exception ex, string id, HttpContext http, ILogger logger)
    {
        var problem = ProblemMapping.From(ex);
        if (problem.Status >= 500 && ex is not BackendFailureException)
        {
            logger.LogError(ex, "Event stream of {Id} failed", id);
        }

        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        return Item("error", problem);
    }

    // JSON from System.Text.Json has no raw newlines, so each event is one data line.
    internal static SseItem<string> Item<T>(string name, T payload) => new(JsonSerializer.Serialize(payload, Json), name);
}
