using System.Collections.Concurrent;
using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>
/// What the invoker knows about a backend's recent failures, per silo and in memory (a restart forgets,
/// and nothing here is ever cached as an answer). Two things, each done once:
/// <list type="bullet">
/// <item>A failed call (bad answer, timeout, 5xx, unreachable) is kept per spec — backend, model, prompt
/// version and part (brief or key quotes) — for <see cref="BackendLimits.FailureMemory"/>; meanwhile a
/// call of that spec is refused at once (issue 11: a backend answering the quote choice with prose was
/// called again on every request).</item>
/// <item>The backend's one circuit breaker, a Polly circuit breaker over every model call of the
/// backend (any part): once <see cref="BackendLimits.CircuitBreakFailures"/> calls in its sampling
/// window all failed, every call is refused for <see cref="BackendLimits.CircuitBreak"/>. It sees each
/// call after the HTTP client's retries, so a transport failure and an HTTP 200 carrying prose where
/// JSON was asked count alike; the HTTP client has retries and timeouts but no breaker of its own.</item>
/// </list>
/// A refusal is a <see cref="BackendFailureException"/> (<c>Unavailable</c>) with the time left as its retry-after.
/// </summary>
public sealed class BackendFailureMemory(SummarizerClock clock, SummarizerMetrics metrics)
{
    private SummarizerMetrics Metrics => metrics;

    private readonly ConcurrentDictionary<string, Remembered> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Breaker> _breakers = new(StringComparer.OrdinalIgnoreCase);

    private TimeProvider Time => clock;

    /// <summary>The failure to answer with instead of calling <paramref name="backend"/> for <paramref name="part"/>, or null to call it.</summary>
    public BackendFailureException? Recall(ISummaryBackend backend, string part)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var now = Time.GetUtcNow();
        if (BreakerOf(backend) is { } breaker && breaker.OpenUntil(now) is { } until)
        {
            return Refusal(backend, until - now, breaker.Describe(until - now));
        }

        if (_failures.TryGetValue(Spec(backend, part), out var failure) && failure.Until > now)
        {
            return Refusal(backend, failure.Until - now,
                $"Backend '{backend.Name}' failed {Seconds(now - failure.At)} s ago at {part} ({failure.Kind}: {failure.Message}); not called again for {Seconds(failure.Until - now)} s.");
        }

        return null;
    }

    /// <summary>
    /// Makes one model call of <paramref name="backend"/> for <paramref name="part"/> through the backend's
    /// breaker: a failure (mapped to a <see cref="BackendFailureException"/>) counts toward the breaker and
    /// is kept for the spec; a success forgets the spec's failure. The caller's cancellation counts as neither.
    /// </summary>
    public async Task<T> CallAsync<T>(ISummaryBackend backend, string part, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            var pipeline = BreakerOf(backend)?.Pipeline ?? ResiliencePipeline.Empty;
            var result = await pipeline.ExecuteAsync(
                static async (state, ct) =>
                {
                    try
                    {
                        return await state.call(ct);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        throw BackendFailures.Map(state.backend.Name, e);
                    }
                },
                (call, backend),
                cancellationToken);
            _failures.TryRemove(Spec(backend, part), out _);
            return result;
        }
        catch (BrokenCircuitException e) when (BreakerOf(backend) is { } breaker)
        {
            // Opened (or half-open with its probe under way) between the recall and this call.
            var left = e.RetryAfter ?? backend.Limits.CircuitBreak;
            throw Refusal(backend, left, breaker.Describe(left));
        }
        catch (BackendFailureException failure) when (!cancellationToken.IsCancellationRequested)
        {
            if (backend.Limits.FailureMemory > TimeSpan.Zero)
            {
                var now = Time.GetUtcNow();
                _failures[Spec(backend, part)] = new Remembered(now, now + backend.Limits.FailureMemory, failure.Kind, failure.Message);
            }

            throw;
        }
    }

    private Breaker? BreakerOf(ISummaryBackend backend) =>
        backend.Limits.CircuitBreakFailures == 0 ? null : _breakers.GetOrAdd(backend.Name, static (_, s) => new Breaker(s.backend, s.owner), (backend, owner: this));

    private BackendFailureException Refusal(ISummaryBackend backend, TimeSpan remaining, string message)
    {
        metrics.FailuresRecalled.Add(1, new KeyValuePair<string, object?>("backend", backend.Name));
        return new BackendFailureException(backend.Name, BackendFailureKind.Unavailable, message, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(remaining.TotalSeconds))));
    }

    private static string Spec(ISummaryBackend backend, string part) => $"{backend.Name}|{backend.Model}|{backend.PromptVersion}|{part}";

    private static string Seconds(TimeSpan span) => Math.Max(0, Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private sealed record Remembered(DateTimeOffset At, DateTimeOffset Until, BackendFailureKind Kind, string Message);

    /// <summary>One backend's Polly circuit breaker, built once from its limits on the failure memory's clock.</summary>
    private sealed class Breaker
    {
        private readonly string _name;
        private readonly int _failures;
        private readonly TimeProvider _time;
        private readonly CircuitBreakerStateProvider _state = new();
        private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
        private string _lastReason = "";

        public Breaker(ISummaryBackend backend, BackendFailureMemory owner)
        {
            var limits = backend.Limits;
            _name = backend.Name;
            _failures = limits.CircuitBreakFailures;
            _time = owner.Time;
            var tags = new KeyValuePair<string, object?>("backend", backend.Name);
            Pipeline = new ResiliencePipelineBuilder { Name = "Summarizer.Breaker." + backend.Name, TimeProvider = _time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    // Every call in the window failed, and at least CircuitBreakFailures of them: "that many in a row".
                    FailureRatio = 1.0,
                    MinimumThroughput = limits.CircuitBreakFailures,
                    SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, limits.Timeout.TotalSeconds * 2)),
                    BreakDuration = limits.CircuitBreak,
                    StateProvider = _state,
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is BackendFailureException),
                    OnOpened = args =>
                    {
                        _lastReason = args.Outcome.Exception is BackendFailureException f ? f.Kind.ToString() : "failure";
                        _openUntil = _time.GetUtcNow() + args.BreakDuration;
                        owner.Metrics.CircuitOpened.Add(1, tags);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
        }

        public ResiliencePipeline Pipeline { get; }

        /// <summary>When the open circuit lets a call through again, or null when a call may be made now (closed, or its break is over).</summary>
        public DateTimeOffset? OpenUntil(DateTimeOffset now) =>
            _state.CircuitState is CircuitState.Open && _openUntil > now ? _openUntil : null;

        public string Describe(TimeSpan left) =>
            $"Backend '{_name}' is not called for {Seconds(left)} s: its last {_failures} calls failed (last: {_lastReason}).";
    }
}
