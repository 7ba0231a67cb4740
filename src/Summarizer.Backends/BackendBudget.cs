namespace Summarizer.Backends;

/// <summary>
/// The cluster's share of a backend, asked before every model call (after the silo's own
/// <see cref="BackendOptions.MaxConcurrency"/> slot): <see cref="BackendOptions.ClusterMaxConcurrency"/>,
/// <see cref="BackendOptions.RequestsPerMinute"/> and <see cref="BackendOptions.TokensPerMinute"/> for
/// every silo together, and the usage of each caller. A silo implements it with budget grains; a plain
/// process (the eval CLI) has none (<see cref="NoBackendBudget"/>).
/// </summary>
public interface IBackendBudget
{
    /// <summary>
    /// Waits for the permits of one call of <paramref name="backend"/>, at most its
    /// <see cref="BackendOptions.BudgetWaitSeconds"/>; throws <see cref="Summarizer.Contracts.BackendFailureException"/>
    /// (<c>Unavailable</c>, with a retry-after) when the budget cannot serve it in that time.
    /// </summary>
    /// <param name="estimatedTokens">Tokens the call may use (its input and the most it may answer), reserved against <see cref="BackendOptions.TokensPerMinute"/>.</param>
    /// <param name="backend">The backend; its <see cref="BackendLimits.ClusterBudget"/> says what the cluster allows.</param>
    ValueTask<IBudgetLease> AcquireAsync(ISummaryBackend backend, int estimatedTokens, CancellationToken cancellationToken);
}

/// <summary>The permits of one call; disposing returns the concurrency slot and records the call's usage.</summary>
public interface IBudgetLease : IAsyncDisposable
{
    /// <summary>What the call used, when the provider said (settles the token reservation, counts the caller's usage).</summary>
    void Used(TokenUsage? usage);
}

/// <summary>No cluster budget and no usage records: a process without a cluster.</summary>
public sealed class NoBackendBudget : IBackendBudget, IBudgetLease
{
    public ValueTask<IBudgetLease> AcquireAsync(ISummaryBackend backend, int estimatedTokens, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IBudgetLease>(this);

    public void Used(TokenUsage? usage)
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
