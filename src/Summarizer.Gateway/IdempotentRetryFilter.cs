using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Messaging;
using Orleans.Serialization.Invocation;
using Polly;
using Polly.Retry;
using Summarizer.Contracts;

namespace Summarizer.Gateway;

/// <summary>
/// Repeats a grain call marked <see cref="IdempotentAttribute"/> when it failed because a silo went
/// away (the silo died, the connection dropped, the message was rejected while membership changed,
/// or the call timed out), with exponential backoff, within <see cref="SummarizerGatewayOptions"/>' budget.
/// The retries are one Polly retry pipeline, built once on the gateway's <see cref="TimeProvider"/>.
/// Each attempt is bounded by <c>ResponseTimeoutSeconds</c> through the method's CancellationToken.
/// Application errors (unknown article, backend failure) are never retried.
/// </summary>
internal sealed partial class IdempotentRetryFilter : IOutgoingGrainCallFilter
{
    private static readonly ResiliencePropertyKey<long> Started = new("summarizer.retry.started");
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private readonly SummarizerGatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<Attempt> _pipeline;

    public IdempotentRetryFilter(IOptions<SummarizerGatewayOptions> options, TimeProvider time, ILogger<IdempotentRetryFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        var budget = TimeSpan.FromSeconds(_options.RetryBudgetSeconds);
        _pipeline = new ResiliencePipelineBuilder<Attempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                // The backoff before retry n (0-based): FirstBackoffSeconds doubled n times, at most 2 s.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(args.AttemptNumber)),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { Retryable: true }
                    && time.GetElapsedTime(args.Context.Properties.GetValue(Started, 0)) + Backoff(args.AttemptNumber) < budget),
                OnRetry = args =>
                {
                    var a = args.Outcome.Result!;
                    LogRetry(logger, a.Interface, a.Method, args.AttemptNumber + 1, a.TimedOut ? "no answer in time" : a.Failure!.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.GetCustomAttribute<IdempotentAttribute>() is null)
        {
            await context.Invoke();
            return;
        }

        var attemptLimit = TimeSpan.FromSeconds(_options.ResponseTimeoutSeconds);
        var tokenArgument = CancellationTokenArgument(context.Request);
        var callerToken = tokenArgument >= 0 ? (CancellationToken)context.Request.GetArgument(tokenArgument)! : CancellationToken.None;
        var resilience = ResilienceContextPool.Shared.Get(callerToken);
        resilience.Properties.Set(Started, _time.GetTimestamp());
        Attempt last;
        try
        {
            last = await _pipeline.ExecuteAsync(
                static async (_, state) => await AttemptAsync(state.Context, state.TokenArgument, state.AttemptLimit, state.CallerToken),
                resilience,
                (Context: context, TokenArgument: tokenArgument, CallerToken: callerToken, AttemptLimit: attemptLimit));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }

        if (last.Failure is null)
        {
            return;
        }

        if (last.TimedOut)
        {
            context.Response = Response.FromException(new TimeoutException(
                $"{context.InterfaceName}.{context.MethodName} did not answer within {attemptLimit.TotalSeconds} s."));
            return;
        }

        if (context.Response?.Exception is null)
        {
            ExceptionDispatchInfo.Throw(last.Failure); // it was thrown by Invoke: rethrow with its stack
        }

        // The failed response stands; the caller sees its exception.
    }

    /// <summary>
    /// One attempt, with its own deadline through the method's CancellationToken, so a call lost with
    /// a dead silo ends after ResponseTimeoutSeconds even when its interface asks Orleans for a longer
    /// timeout (the quote calls ask for 5 min).
    /// </summary>
    private static async Task<Attempt> AttemptAsync(IOutgoingGrainCallContext context, int tokenArgument, TimeSpan attemptLimit, CancellationToken callerToken)
    {
        using var attemptDeadline = tokenArgument >= 0 ? CancellationTokenSource.CreateLinkedTokenSource(callerToken) : null;
        if (attemptDeadline is not null)
        {
            attemptDeadline.CancelAfter(attemptLimit);
            context.Request.SetArgument(tokenArgument, attemptDeadline.Token);
        }

        Exception? failure;
        try
        {
            await context.Invoke();
            failure = context.Response?.Exception;
        }
        catch (Exception e)
        {
            failure = e;
        }

        var timedOut = failure is OperationCanceledException
            && attemptDeadline?.IsCancellationRequested == true && !callerToken.IsCancellationRequested;
        return new Attempt(failure, timedOut, failure is not null && (timedOut || IsSiloFailure(failure)), context.InterfaceName, context.MethodName);
    }

    /// <summary>The wait before retry <paramref name="retry"/> (0-based): FirstBackoffSeconds, then doubled each time up to 2 s.</summary>
    private TimeSpan Backoff(int retry)
    {
        var first = TimeSpan.FromSeconds(_options.FirstBackoffSeconds);
        if (retry == 0)
        {
            return first;
        }

        var ticks = first.Ticks;
        for (var i = 0; i < retry && ticks < MaxBackoff.Ticks; i++)
        {
            ticks *= 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, MaxBackoff.Ticks));
    }

    private static int CancellationTokenArgument(IInvokable? request)
    {
        for (var i = 0; request is not null && i < request.GetArgumentCount(); i++)
        {
            if (request.GetArgument(i) is CancellationToken)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Failures of the cluster rather than of the call: another attempt may reach a live silo.</summary>
    internal static bool IsSiloFailure(Exception e) => e is SiloUnavailableException
        or ConnectionFailedException
        or OrleansMessageRejectionException
        or TimeoutException
        or ClientNotAvailableException;

    /// <summary>What one attempt ended with: its failure (null: success), whether its own deadline ended it, and whether another attempt may help.</summary>
    private sealed record Attempt(Exception? Failure, bool TimedOut, bool Retryable, string Interface, string Method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method} failed on attempt {Attempt} ({Failure}); retrying")]
    private static partial void LogRetry(ILogger logger, string @interface, string method, int attempt, string failure);
}
