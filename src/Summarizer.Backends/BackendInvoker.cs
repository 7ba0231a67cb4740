using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Backends;

/// <summary>The outcome of a backend call, with the backend that actually answered.</summary>
public sealed record BackendOutcome(SummaryAnswer Answer, ISummaryBackend AnsweredBy, bool Degraded, string? DegradedReason);

/// <summary>Key quotes chosen by a backend and verified against the article; <see cref="Dropped"/> counts the rest.</summary>
public sealed record QuoteOutcome(IReadOnlyList<Quote> Quotes, int Dropped, ISummaryBackend AnsweredBy, bool Degraded, string? DegradedReason);

/// <summary>
/// Calls a backend by name and checks its answer; every grain goes through this one place, so
/// validation, metrics, the per-backend concurrency limit and degradation behave the same everywhere.
/// </summary>
public interface IBackendInvoker
{
    /// <summary>
    /// A brief from the backend (null: the default). When it fails and <c>Summarizer:Fallback</c> names
    /// another backend, that one answers and the outcome is degraded; otherwise a
    /// <see cref="BackendFailureException"/> says how it failed.
    /// </summary>
    Task<BackendOutcome> SummarizeAsync(string? backend, SummaryRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Key quotes chosen by the backend among the extracted ones, each verified verbatim; same fallback
    /// rules, and when every backend fails the extractive ranking answers (degraded) instead of an error.
    /// </summary>
    Task<QuoteOutcome> SelectQuotesAsync(string? backend, QuoteSelectionRequest request, CancellationToken cancellationToken);

    /// <summary>The brief as the backend streams it. Holds a concurrency slot until the stream ends; failures map as above, without fallback.</summary>
    IAsyncEnumerable<string> StreamAsync(string? backend, SummaryRequest request, CancellationToken cancellationToken);
}

internal sealed partial class BackendInvoker(
    IBackendCatalog catalog,
    SummarizerMetrics metrics,
    IBackendBudget budget,
    BackendFailureMemory failures,
    ILogger<BackendInvoker> logger) : IBackendInvoker, IDisposable
{
    /// <summary>What a refused call tells the client to wait.</summary>
    private static readonly TimeSpan QueueFullRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Spans around backend calls (source <c>Summarizer</c>); SK's GenAI spans nest under them.</summary>
    private static readonly ActivitySource Source = new(SummarizerMetrics.MeterName);

    /// <summary>Who answers key quotes when every configured backend failed.</summary>
    private static readonly ExtractiveBackend LastResortQuotes = new("extractive-ranking");

    private readonly ConcurrentDictionary<string, ConcurrencyLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    public Task<BackendOutcome> SummarizeAsync(string? backend, SummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithFallbackAsync(
            catalog.Get(backend),
            request.Text.Length,
            AnswerParts.Brief,
            async (b, ct) =>
            {
                var answer = await b.SummarizeAsync(request, ct);
                if (answer.Sentences.Count == 0 || answer.Sentences.All(string.IsNullOrWhiteSpace))
                {
                    throw new BackendFailureException(b.Name, BackendFailureKind.BadAnswer, $"Backend '{b.Name}' returned an empty brief.");
                }

                return (answer, answer.Usage);
            },
            (answer, by, degraded, reason) => new BackendOutcome(answer, by, degraded, reason),
            cancellationToken);
    }

    public async Task<QuoteOutcome> SelectQuotesAsync(string? backend, QuoteSelectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chosen = catalog.Get(backend);
        if (request.Candidates.Count == 0 || request.Max == 0)
        {
            // Nothing to choose: no model call, so nothing taken from the backend's limits or budget.
            return new QuoteOutcome([], 0, chosen, false, null);
        }

        try
        {
            return await WithFallbackAsync(
                chosen,
                request.Text.Length,
                AnswerParts.KeyQuotes,
                async (b, ct) =>
                {
                    var choice = await b.SelectQuotesAsync(request, ct);
                    var (kept, dropped) = QuoteVerifier.Verify(request, choice);
                    var tags = Tags(b);
                    metrics.QuotesVerified.Add(kept.Count, tags);
                    if (dropped > 0)
                    {
                        metrics.QuotesDropped.Add(dropped, tags);
                        LogQuotesDropped(logger, b.Name, dropped);
                    }

                    return ((kept, dropped), choice.Usage);
                },
                (r, by, degraded, reason) => new QuoteOutcome(r.kept, r.dropped, by, degraded, reason),
                cancellationToken);
        }
        catch (BackendFailureException failure)
        {
            // Key quotes never need a model: when the backends fail, the extractive ranking of the
            // same extracted quotes answers, so a digest does not fail for want of a quote choice.
            var ranked = Summarizer.Text.KeyQuoteSelector.Select(request.Candidates, request.Max);
            metrics.Fallbacks.Add(1, new TagList { { "backend", chosen.Name }, { "fallback", "extractive-ranking" } });
            return new QuoteOutcome(ranked, 0, LastResortQuotes, true,
                $"Backend '{chosen.Name}' failed to choose key quotes ({failure.Kind}: {failure.Message}); ranked extractively.");
        }
    }

    public async IAsyncEnumerable<string> StreamAsync(string? backend, SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chosen = catalog.Get(backend);
        var tags = Tags(chosen);
        if (failures.Recall(chosen, AnswerParts.Brief) is { } remembered)
        {
            // Not remembered here when it fails: the plain call the worker falls back to (with retries) decides.
            throw remembered;
        }

        using var lease = await AcquireAsync(chosen, cancellationToken);
        await using var permits = await budget.AcquireAsync(chosen, Estimate(chosen, request.Text.Length), cancellationToken);
        var usage = StreamUsage.Open(); // the backend reports the stream's usage here at its end
        metrics.BackendCalls.Add(1, tags);
        var started = Stopwatch.GetTimestamp();
        await using var stream = chosen.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                string token;
                try
                {
                    if (!await stream.MoveNextAsync())
                    {
                        break;
                    }

                    token = stream.Current;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    metrics.BackendFailures.Add(1, tags);
                    throw BackendFailures.Map(chosen.Name, e, chosen.Limits.CircuitBreak);
                }

                yield return token;
            }
        }
        finally
        {
            permits.Used(usage.Value);
            metrics.BackendLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private async Task<TOutcome> WithFallbackAsync<TResult, TOutcome>(
        ISummaryBackend chosen,
        int textChars,
        string part,
        Func<ISummaryBackend, CancellationToken, Task<(TResult Result, TokenUsage? Usage)>> call,
        Func<TResult, ISummaryBackend, bool, string?, TOutcome> outcome,
        CancellationToken cancellationToken)
    {
        try
        {
            return outcome(await GuardedAsync(chosen, textChars, part, call, cancellationToken), chosen, false, null);
        }
        catch (BackendFailureException failure) when (Fallback(chosen) is { } fallback)
        {
            var reason = $"{failure.Kind}: {failure.Message}";
            LogFallback(logger, chosen.Name, fallback.Name, reason);
            try
            {
                var result = await GuardedAsync(fallback, textChars, part, call, cancellationToken);
                metrics.Fallbacks.Add(1, new TagList { { "backend", chosen.Name }, { "fallback", fallback.Name } });
                return outcome(result, fallback, true, $"Backend '{chosen.Name}' failed ({reason}); answered by fallback '{fallback.Name}'.");
            }
            catch (BackendFailureException)
            {
                // The client learns why the backend it asked for failed, not why the fallback did.
                throw failure;
            }
        }
    }

    private async Task<TResult> GuardedAsync<TResult>(
        ISummaryBackend backend,
        int textChars,
        string part,
        Func<ISummaryBackend, CancellationToken, Task<(TResult Result, TokenUsage? Usage)>> call,
        CancellationToken cancellationToken)
    {
        var tags = Tags(backend);
        using var activity = Source.StartActivity("backend " + backend.Name);
        activity?.SetTag("summarizer.backend", backend.Name).SetTag("summarizer.provider", backend.Provider).SetTag("gen_ai.request.model", backend.Model);
        if (failures.Recall(backend, part) is { } remembered)
        {
            // Failed a moment ago: not called again until the memory (or the breaker) lets it.
            activity?.SetStatus(ActivityStatusCode.Error, "remembered").SetTag("summarizer.failure", "remembered");
            throw remembered;
        }

        using var lease = await AcquireAsync(backend, cancellationToken);
        await using var permits = await budget.AcquireAsync(backend, Estimate(backend, textChars), cancellationToken);
        metrics.BackendCalls.Add(1, tags);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (result, usage) = await call(backend, cancellationToken);
            permits.Used(usage);
            failures.Succeeded(backend, part);
            if (usage is not null)
            {
                metrics.TokensIn.Add(usage.InputTokens, tags);
                metrics.TokensOut.Add(usage.OutputTokens, tags);
                activity?.SetTag("gen_ai.usage.input_tokens", usage.InputTokens).SetTag("gen_ai.usage.output_tokens", usage.OutputTokens);
            }

            return result;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.BackendFailures.Add(1, tags);
            var failure = BackendFailures.Map(backend.Name, e, backend.Limits.CircuitBreak);
            failures.Remember(backend, part, failure);

            activity?.SetStatus(ActivityStatusCode.Error, failure.Kind.ToString()).SetTag("summarizer.failure", failure.Kind.ToString());
            LogFailure(logger, backend.Name, failure.Kind, failure.Message);
            throw failure;
        }
        finally
        {
            metrics.BackendLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private async ValueTask<RateLimitLease> AcquireAsync(ISummaryBackend backend, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd(backend.Name, static (_, limits) => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.MaxConcurrency,
            QueueLimit = limits.MaxQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }), backend.Limits);
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            metrics.Rejected.Add(1, Tags(backend));
            throw new BackendFailureException(backend.Name, BackendFailureKind.Unavailable,
                $"Backend '{backend.Name}' is overloaded: {backend.Limits.MaxConcurrency} calls running and the queue is full.", QueueFullRetryAfter);
        }

        return lease;
    }

    /// <summary>
    /// Tokens a call may use, reserved against the backend's <c>TokensPerMinute</c> before it is made:
    /// about four characters a token for the text, a prompt's worth, and the most the model may answer.
    /// The budget settles the difference once the provider reports the real usage.
    /// </summary>
    private static int Estimate(ISummaryBackend backend, int textChars) => (textChars / 4) + 256 + backend.Limits.MaxOutputTokens;

    private ISummaryBackend? Fallback(ISummaryBackend chosen) =>
        catalog.FallbackName is { } name && !string.Equals(name, chosen.Name, StringComparison.OrdinalIgnoreCase) ? catalog.Get(name) : null;

    private static TagList Tags(ISummaryBackend backend) => new() { { "backend", backend.Name }, { "provider", backend.Provider } };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backend {Backend} failed ({Kind}): {Reason}")]
    private static partial void LogFailure(ILogger logger, string backend, BackendFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backend {Backend} failed; fallback {Fallback} answers. {Reason}")]
    private static partial void LogFallback(ILogger logger, string backend, string fallback, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backend {Backend} chose {Dropped} key quote(s) not found verbatim among the article's quotes; dropped")]
    private static partial void LogQuotesDropped(ILogger logger, string backend, int dropped);
}
