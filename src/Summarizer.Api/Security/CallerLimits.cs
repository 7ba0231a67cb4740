using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>Marks an endpoint that streams (Server-Sent Events): it counts toward the caller's open streams and their time limit.</summary>
public sealed class StreamEndpointMetadata
{
    public static readonly StreamEndpointMetadata Instance = new();

    private StreamEndpointMetadata()
    {
    }
}

/// <summary>
/// <c>Summarizer:RateLimit</c> for <c>/v1</c>, after authentication: a request permit from the caller's
/// token bucket (429 <c>rate-limited</c> with <c>Retry-After</c> when empty), and for streaming
/// endpoints a stream slot (429 <c>too-many-streams</c>) and a time limit. Both live in the caller's
/// <see cref="ICallerLimitGrain"/>, so every gateway of the cluster enforces the same budget.
/// </summary>
public static class CallerLimits
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds <see cref="StreamEndpointMetadata"/>: the endpoint is limited as a stream.</summary>
    public static TBuilder WithStreamLimits<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(b => b.Metadata.Add(StreamEndpointMetadata.Instance)); // its 429 is declared on the /v1 group
        return builder;
    }

    internal static async Task LimitAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/v1"))
        {
            await next(http);
            return;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var caller = CallerIdentity.Of(http);
        var limits = grains.GetGrain<ICallerLimitGrain>(caller);
        if (options.PermitsPerMinute is { } perMinute)
        {
            var decision = await limits.TryTakeAsync(new RateLimitSpec(perMinute, options.Burst ?? perMinute));
            http.Response.Headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            if (!decision.Allowed)
            {
                await Refuse(http, decision.RetryAfter, Problems.RateLimited(
                    $"Over {perMinute} requests a minute (bursts of {options.Burst ?? perMinute}) for this caller; retry after the time in Retry-After."));
                return;
            }
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<StreamEndpointMetadata>() is null
            || (options.MaxConcurrentStreams is null && options.MaxStreamSeconds is null))
        {
            await next(http);
            return;
        }

        await StreamAsync(http, next, options, limits);
    }

    private static async Task StreamAsync(HttpContext http, RequestDelegate next, RateLimitOptions options, ICallerLimitGrain limits)
    {
        var stream = Guid.NewGuid();
        if (options.MaxConcurrentStreams is { } maxStreams)
        {
            // A stream counts at most its longest life plus a minute, so streams of a gateway that died are freed.
            var lease = TimeSpan.FromSeconds((options.MaxStreamSeconds ?? 3600) + 60);
            var decision = await limits.TryOpenStreamAsync(stream, new StreamLimitSpec(maxStreams, lease));
            if (!decision.Allowed)
            {
                await Refuse(http, TimeSpan.FromSeconds(Math.Clamp(decision.RetryAfter.TotalSeconds, 1, 5)), Problems.TooManyStreams(
                    $"This caller already has {maxStreams} streams open; close one or retry after the time in Retry-After."));
                return;
            }
        }

        var clientGone = http.RequestAborted;
        var clock = http.RequestServices.GetRequiredService<LimitsClock>();
        using var timer = options.MaxStreamSeconds is { } seconds
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), clock.Time)
            : new CancellationTokenSource();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(clientGone, timer.Token);
        http.RequestAborted = limit.Token;
        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !clientGone.IsCancellationRequested)
        {
            // The time limit ended the stream; the event below says so.
        }
        finally
        {
            http.RequestAborted = clientGone;
            if (options.MaxConcurrentStreams is not null)
            {
                await limits.CloseStreamAsync(stream);
            }
        }

        if (!timer.IsCancellationRequested || clientGone.IsCancellationRequested)
        {
            return;
        }

        var detail = $"The stream was open for its limit of {options.MaxStreamSeconds} s ({RateLimitOptions.SectionName}:MaxStreamSeconds); the result can be read with the plain endpoint once it is ready.";
        if (!http.Response.HasStarted)
        {
            await Problems.StreamTimeLimit(detail).ExecuteAsync(http);
            return;
        }

        var problem = Problems.StreamTimeLimitDetails(detail);
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        await http.Response.WriteAsync($"event: error\ndata: {JsonSerializer.Serialize(problem, Json)}\n\n", clientGone);
        await http.Response.Body.FlushAsync(clientGone);
    }

    private static async Task Refuse(HttpContext http, TimeSpan retryAfter, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await problem.ExecuteAsync(http);
    }
}
