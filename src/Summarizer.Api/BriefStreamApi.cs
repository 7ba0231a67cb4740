using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>Payload of a <c>progress</c> event: a step of the computation finished.</summary>
public sealed record BriefProgressEvent(string Stage, int Done, int Total, int Level);

/// <summary>Payload of a <c>token</c> event: the next piece of the final brief.</summary>
public sealed record BriefTokenEvent(string Text);

/// <summary>
/// <c>GET /v1/articles/{id}/brief/stream</c>: the article grain's brief events as Server-Sent
/// Events: <c>progress</c> (chunks mapped, reduce levels), <c>token</c> (the final brief, piece by
/// piece), then <c>result</c> (a <see cref="BriefResponse"/>), or <c>error</c> (ProblemDetails).
/// A failure before the first event is a plain ProblemDetails response with its status (404, 413...).
/// When the client goes away, the request's cancellation reaches the grain, which cancels the work
/// if no other request waits on it.
/// </summary>
public static class BriefStreamApi
{
    public const string ContentType = "text/event-stream";

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamBrief(
        string id, string? length, string? backend, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!BriefLengths.TryParse(length, out var preset))
        {
            return Problems.Invalid("length", "length must be one of: short, medium, long.");
        }

        if (!ArticleId.IsWellFormed(id))
        {
            return Problems.NotFound($"No article with id '{id}' is stored.");
        }

        var events = grains.GetGrain<IArticleGrain>(id).StreamBriefAsync(new BriefOptions(preset, backend), cancellationToken);
        await using var e = events.GetAsyncEnumerator(cancellationToken);

        // The first event decides the response: an exception here becomes a plain ProblemDetails response.
        if (!await e.MoveNextAsync())
        {
            return TypedResults.Empty;
        }

        var response = http.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            do
            {
                await WriteAsync(response, e.Current, id, preset, cancellationToken);
            }
            while (await e.MoveNextAsync());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left; the grain saw the same cancellation.
        }
        catch (Exception ex)
        {
            var problem = ProblemMapping.From(ex);
            if (problem.Status >= 500 && ex is not BackendFailureException)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BriefStreamApi))
                    .LogError(ex, "Brief stream of {ArticleId} failed", id);
            }

            problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            await WriteEventAsync(response, "error", JsonSerializer.Serialize(problem, Json), CancellationToken.None);
        }

        return TypedResults.Empty;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Task WriteAsync(HttpResponse response, BriefEvent e, string id, BriefLength length, CancellationToken cancellationToken) => e.Kind switch
    {
        BriefEventKind.Progress => WriteEventAsync(response, "progress", JsonSerializer.Serialize(new BriefProgressEvent(e.Stage ?? "", e.Done, e.Total, e.Level), Json), cancellationToken),
        BriefEventKind.Token => WriteEventAsync(response, "token", JsonSerializer.Serialize(new BriefTokenEvent(e.Text ?? ""), Json), cancellationToken),
        _ => WriteEventAsync(response, "result", JsonSerializer.Serialize(e.Brief!.ToResponse(id, length), Json), cancellationToken),
    };

    private static async Task WriteEventAsync(HttpResponse response, string name, string json, CancellationToken cancellationToken)
    {
        // JSON from System.Text.Json has no raw newlines, so one data line per event.
        await response.WriteAsync($"event: {name}\ndata: {json}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
