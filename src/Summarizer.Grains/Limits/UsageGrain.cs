using Summarizer.Contracts;

namespace Summarizer.Grains.Limits;

/// <summary>
/// One caller's calls and tokens per backend, since the grain was activated: in memory, so the
/// figures start again after the grain is deactivated (idle) or its silo restarts.
/// </summary>
public sealed class UsageGrain : Grain, IUsageGrain
{
    private readonly SortedDictionary<string, BackendUsage> _usage = new(StringComparer.OrdinalIgnoreCase);

    public Task RecordAsync(string backend, int inputTokens, int outputTokens)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var before = _usage.TryGetValue(backend, out var u) ? u : new BackendUsage(backend, 0, 0, 0);
        _usage[backend] = before with
        {
            Calls = before.Calls + 1,
            InputTokens = before.InputTokens + Math.Max(0, inputTokens),
            OutputTokens = before.OutputTokens + Math.Max(0, outputTokens),
        };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BackendUsage>> GetAsync() => Task.FromResult<IReadOnlyList<BackendUsage>>([.. _usage.Values]);
}
