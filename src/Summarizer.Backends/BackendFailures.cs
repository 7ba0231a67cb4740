using System.Net;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>
/// Maps whatever a backend call threw (SK's HttpOperationException, Polly's timeout and
/// broken-circuit exceptions, network errors, unusable output) to the one failure the rest of the
/// system knows: <see cref="BackendFailureException"/> with a kind the API turns into 502/503/504.
/// </summary>
public static class BackendFailures
{
    /// <summary>What a client is told to wait when the backend still rate-limits after our retries.</summary>
    private static readonly TimeSpan RateLimitedRetryAfter = TimeSpan.FromSeconds(5);

    /// <param name="backend">The backend's name.</param>
    /// <param name="exception">What the call threw.</param>
    public static BackendFailureException Map(string backend, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is BackendFailureException known)
        {
            return known;
        }

        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case ModelOutputException:
                    return new BackendFailureException(backend, BackendFailureKind.BadAnswer, $"Backend '{backend}' gave an unusable answer: {e.Message}");
                case BrokenCircuitException broken:
                    return new BackendFailureException(backend, BackendFailureKind.Unavailable,
                        $"Backend '{backend}' is unavailable: its circuit is open after repeated failures.", broken.RetryAfter ?? TimeSpan.FromSeconds(5));
                case TimeoutRejectedException or TimeoutException:
                    return new BackendFailureException(backend, BackendFailureKind.Timeout, $"Backend '{backend}' did not answer in time.");
            }
        }

        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case HttpOperationException { StatusCode: HttpStatusCode.TooManyRequests }:
                    return new BackendFailureException(backend, BackendFailureKind.Unavailable, $"Backend '{backend}' is rate limiting requests (429) after retries.", RateLimitedRetryAfter);
                case HttpOperationException { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout }:
                    return new BackendFailureException(backend, BackendFailureKind.Timeout, $"Backend '{backend}' timed out ({(int)((HttpOperationException)e).StatusCode!}).");
                case HttpOperationException { StatusCode: { } status }:
                    return new BackendFailureException(backend, BackendFailureKind.BadAnswer, $"Backend '{backend}' answered HTTP {(int)status}.");
                case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests }:
                    return new BackendFailureException(backend, BackendFailureKind.Unavailable, $"Backend '{backend}' is rate limiting requests (429) after retries.", RateLimitedRetryAfter);
                case HttpRequestException { StatusCode: { } status } when (int)status >= 400:
                    return new BackendFailureException(backend, BackendFailureKind.BadAnswer, $"Backend '{backend}' answered HTTP {(int)status}.");
                case HttpRequestException:
                    return new BackendFailureException(backend, BackendFailureKind.Unavailable, $"Backend '{backend}' could not be reached.", TimeSpan.FromSeconds(5));
                case OperationCanceledException:
                    // Not the caller's cancellation (the invoker rethrows that): an HTTP timeout.
                    return new BackendFailureException(backend, BackendFailureKind.Timeout, $"Backend '{backend}' did not answer in time.");
            }
        }

        return new BackendFailureException(backend, BackendFailureKind.BadAnswer, $"Backend '{backend}' failed: {exception.GetType().Name}.");
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is not null)
            {
                pending.Push(e.InnerException);
            }
        }
    }
}
