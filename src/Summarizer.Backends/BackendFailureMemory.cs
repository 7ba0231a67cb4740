using System.Collections.Concurrent;
using System.Globalization;
using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>
/// Backend failures remembered for a while (issue 11: a backend that answers the quote choice badly was
/// called again on every request). A failed call (bad answer, timeout, 5xx, unreachable) is kept per
/// spec — backend, model, prompt version and part (brief or key quotes) — for
/// <c>Summarizer:Backends:&lt;name&gt;:FailureMemorySeconds</c>; while it is kept, a call of that spec is
/// refused at once (the fallback answers, degraded, or the client gets 503 with Retry-After) instead of
/// reaching the model. Failures also count toward a breaker over the whole backend:
/// <c>CircuitBreakFailures</c> failed calls in a row (any part) refuse every part for
/// <c>CircuitBreakSeconds</c>. This sits beside the HTTP client's Polly breaker, which only sees
/// transport failures, not an HTTP 200 carrying prose where JSON was asked. Per silo, in memory: a
/// restart forgets, and nothing here is ever cached as an answer.
/// </summary>
public sealed class BackendFailureMemory(TimeProvider time, SummarizerMetrics metrics)
{
    private readonly ConcurrentDictionary<string, Remembered> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Streak> _streaks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The failure to answer with instead of calling <paramref name="backend"/> for <paramref name="part"/>, or null to call it.</summary>
    public BackendFailureException? Recall(ISummaryBackend backend, string part)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var now = time.GetUtcNow();
        if (_streaks.TryGetValue(backend.Name, out var streak) && streak.OpenUntil > now)
        {
            return Refusal(backend, streak.OpenUntil - now,
                $"Backend '{backend.Name}' is not called for {Seconds(streak.OpenUntil - now)} s: its last {streak.Failures} calls failed (last: {streak.LastReason}).");
        }

        if (_failures.TryGetValue(Spec(backend, part), out var failure) && failure.Until > now)
        {
            return Refusal(backend, failure.Until - now,
                $"Backend '{backend.Name}' failed {Seconds(now - failure.At)} s ago at {part} ({failure.Kind}: {failure.Message}); not called again for {Seconds(failure.Until - now)} s.");
        }

        return null;
    }

    /// <summary>Keeps the failure of a real call (never of a recalled one) and counts it toward the backend's breaker.</summary>
    public void Remember(ISummaryBackend backend, string part, BackendFailureException failure)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(failure);
        var settings = backend.Limits;
        var now = time.GetUtcNow();
        if (settings.FailureMemory > TimeSpan.Zero)
        {
            _failures[Spec(backend, part)] = new Remembered(now, now + settings.FailureMemory, failure.Kind, failure.Message);
        }

        var streak = _streaks.AddOrUpdate(backend.Name,
            _ => new Streak(1, DateTimeOffset.MinValue, failure.Kind.ToString()),
            (_, s) => s with { Failures = s.Failures + 1, LastReason = failure.Kind.ToString() });
        if (settings.CircuitBreakFailures > 0 && streak.Failures >= settings.CircuitBreakFailures && streak.OpenUntil <= now)
        {
            _streaks[backend.Name] = streak with { OpenUntil = now + settings.CircuitBreak };
            metrics.CircuitOpened.Add(1, new KeyValuePair<string, object?>("backend", backend.Name));
        }
    }

    /// <summary>A call of <paramref name="backend"/> for <paramref name="part"/> succeeded: the streak ends and that spec's failure is forgotten.</summary>
    public void Succeeded(ISummaryBackend backend, string part)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _streaks.TryRemove(backend.Name, out _);
        _failures.TryRemove(Spec(backend, part), out _);
    }

    private BackendFailureException Refusal(ISummaryBackend backend, TimeSpan remaining, string message)
    {
        metrics.FailuresRecalled.Add(1, new KeyValuePair<string, object?>("backend", backend.Name));
        return new BackendFailureException(backend.Name, BackendFailureKind.Unavailable, message, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(remaining.TotalSeconds))));
    }

    private static string Spec(ISummaryBackend backend, string part) => $"{backend.Name}|{backend.Model}|{backend.PromptVersion}|{part}";

    private static string Seconds(TimeSpan span) => Math.Max(0, Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private sealed record Remembered(DateTimeOffset At, DateTimeOffset Until, BackendFailureKind Kind, string Message);

    private sealed record Streak(int Failures, DateTimeOffset OpenUntil, string LastReason);
}
