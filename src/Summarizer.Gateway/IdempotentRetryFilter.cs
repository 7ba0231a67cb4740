using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Messaging;
using Orleans.Serialization.Invocation;
using Summarizer.Contracts;

namespace Summarizer.Gateway;

/// <summary>
/// Repeats a grain call marked <see cref="IdempotentAttribute"/> when it failed because a silo went
/// away (the silo died, the connection dropped, the message was rejected while membership changed,
/// or the call timed out), with exponential backoff, within <see cref="SummarizerGatewayOptions"/>' budget.
/// Each attempt is bounded by <c>ResponseTimeoutSeconds</c> through the method's CancellationToken.
/// Application errors (unknown article, backend failure) are never retried.
/// </summary>
internal sealed partial class IdempotentRetryFilter(IOptions<SummarizerGatewayOptions> options, TimeProvider time, ILogger<IdempotentRetryFilter> logger)
    : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.GetCustomAttribute<IdempotentAttribute>() is null)
        {
            await context.Invoke();
            return;
        }

        var o = options.Value;
        var attemptLimit = TimeSpan.FromSeconds(o.ResponseTimeoutSeconds);
        var tokenArgument = CancellationTokenArgument(context.Request);
        var callerToken = tokenArgument >= 0 ? (CancellationToken)context.Request.GetArgument(tokenArgument)! : CancellationToken.None;
        var started = time.GetTimestamp();
        var backoff = TimeSpan.FromSeconds(o.FirstBackoffSeconds);
        for (var attempt = 1; ; attempt++)
        {
            // Each attempt gets its own deadline through the method's CancellationToken, so a call
            // lost with a dead silo ends after ResponseTimeoutSeconds even when its interface asks
            // Orleans for a longer timeout (the quote calls ask for 5 min).
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

            if (failure is null)
            {
                return;
            }

            var attemptTimedOut = failure is OperationCanceledException
                && attemptDeadline?.IsCancellationRequested == true && !callerToken.IsCancellationRequested;
            var retryable = (IsSiloFailure(failure) || attemptTimedOut)
                && attempt < o.MaxAttempts
                && time.GetElapsedTime(started) + backoff < TimeSpan.FromSeconds(o.RetryBudgetSeconds);
            if (!retryable)
            {
                if (attemptTimedOut)
                {
                    context.Response = Response.FromException(new TimeoutException(
                        $"{context.InterfaceName}.{context.MethodName} did not answer within {attemptLimit.TotalSeconds} s (attempt {attempt})."));
                    return;
                }

                if (context.Response?.Exception is null)
                {
                    ExceptionDispatchInfo.Throw(failure); // it was thrown by Invoke: rethrow with its stack
                }

                return; // the failed response stands; the caller sees its exception
            }

            LogRetry(logger, context.InterfaceName, context.MethodName, attempt, attemptTimedOut ? "no answer in time" : failure.GetType().Name);
            await Task.Delay(backoff, time);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method} failed on attempt {Attempt} ({Failure}); retrying")]
    private static partial void LogRetry(ILogger logger, string @interface, string method, int attempt, string failure);
}
