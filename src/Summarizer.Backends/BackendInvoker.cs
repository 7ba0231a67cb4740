using System.Diagnostics;
using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>The outcome of a backend call, with the backend that actually answered.</summary>
public sealed record BackendOutcome(SummaryAnswer Answer, ISummaryBackend AnsweredBy, bool Degraded, string? DegradedReason);

/// <summary>
/// Calls a backend by name and checks its answer; every grain goes through this one place, so
/// validation, metrics and degradation behave the same everywhere.
/// </summary>
public interface IBackendInvoker
{
    Task<BackendOutcome> SummarizeAsync(string? backend, SummaryRequest request, CancellationToken cancellationToken);
}

internal sealed class BackendInvoker(IBackendCatalog catalog, SummarizerMetrics metrics) : IBackendInvoker
{
    public async Task<BackendOutcome> SummarizeAsync(string? backend, SummaryRequest request, CancellationToken cancellationToken)
    {
        var chosen = catalog.Get(backend);
        var tags = new TagList { { "backend", chosen.Name }, { "provider", chosen.Provider } };
        var started = Stopwatch.GetTimestamp();
        metrics.BackendCalls.Add(1, tags);
        try
        {
            var answer = await chosen.SummarizeAsync(request, cancellationToken);
            if (answer.Sentences.Count == 0 || answer.Sentences.All(string.IsNullOrWhiteSpace))
            {
                throw new BackendFailureException(chosen.Name, BackendFailureKind.BadAnswer, $"Backend '{chosen.Name}' returned an empty brief.");
            }

            if (answer.Usage is { } usage)
            {
                metrics.TokensIn.Add(usage.InputTokens, tags);
                metrics.TokensOut.Add(usage.OutputTokens, tags);
            }

            return new BackendOutcome(answer, chosen, Degraded: false, DegradedReason: null);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.BackendFailures.Add(1, tags);
            throw;
        }
        finally
        {
            metrics.BackendLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
