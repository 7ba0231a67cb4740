namespace Summarizer.Backends;

/// <summary>
/// What one backend may take and how long it is waited for, built once from its
/// <see cref="BackendOptions"/> when the backend is created and carried by the backend object
/// (<see cref="ISummaryBackend.Limits"/>), so no call looks its options up by name again.
/// </summary>
public sealed record BackendLimits
{
    /// <summary>The limits of a backend configured with nothing but its provider.</summary>
    public static BackendLimits Default { get; } = From(new BackendOptions());

    /// <summary>The model's context window; chunk budgets derive from it.</summary>
    public required int ContextTokens { get; init; }

    public required int MaxOutputTokens { get; init; }

    /// <summary>Concurrent calls per silo.</summary>
    public required int MaxConcurrency { get; init; }

    /// <summary>Calls waiting for a slot beyond <see cref="MaxConcurrency"/>, per silo.</summary>
    public required int MaxQueue { get; init; }

    /// <summary>Total time for one call, retries included.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Time for one HTTP attempt (LLM providers).</summary>
    public required TimeSpan AttemptTimeout { get; init; }

    /// <summary>Retries after the first attempt (LLM providers).</summary>
    public required int Retries { get; init; }

    /// <summary>Base delay of the exponential, jittered backoff.</summary>
    public required TimeSpan RetryDelay { get; init; }

    /// <summary>How long the backend's breaker stays open.</summary>
    public required TimeSpan CircuitBreak { get; init; }

    /// <summary>Failed calls in a row after which the breaker opens (0: only the transport breaker's ratio).</summary>
    public required int CircuitBreakFailures { get; init; }

    /// <summary>How long a failed call is remembered per spec and part (zero: not remembered).</summary>
    public required TimeSpan FailureMemory { get; init; }

    /// <summary>The cluster-wide budget, or null when none is configured.</summary>
    public required ClusterBudgetLimits? ClusterBudget { get; init; }

    public static BackendLimits From(BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BackendLimits
        {
            ContextTokens = options.ContextTokens,
            MaxOutputTokens = options.MaxOutputTokens,
            MaxConcurrency = options.MaxConcurrency,
            MaxQueue = options.MaxQueue,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            AttemptTimeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
            Retries = options.Retries,
            RetryDelay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            CircuitBreak = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
            CircuitBreakFailures = options.CircuitBreakFailures,
            FailureMemory = TimeSpan.FromSeconds(options.FailureMemorySeconds),
            ClusterBudget = options.HasClusterBudget
                ? new ClusterBudgetLimits(options.ClusterMaxConcurrency, options.RequestsPerMinute, options.TokensPerMinute,
                    options.ClusterMaxQueue, TimeSpan.FromSeconds(options.BudgetWaitSeconds))
                : null,
        };
    }
}

/// <summary>A backend's share of the whole cluster (every silo together); null members are unlimited.</summary>
public sealed record ClusterBudgetLimits(int? MaxConcurrency, int? RequestsPerMinute, int? TokensPerMinute, int MaxQueue, TimeSpan MaxWait);
