namespace Summarizer.Backends;

/// <summary>Configuration section <c>Summarizer</c>: which backends exist and which one answers by default.</summary>
public sealed class SummarizerOptions
{
    public const string SectionName = "Summarizer";

    /// <summary>Name of the backend used when a request names none.</summary>
    public string Backend { get; set; } = "extractive";

    /// <summary>Name of the backend that answers when the chosen one fails; null or empty for none.</summary>
    public string? Fallback { get; set; }

    /// <summary>Configured backends by name (case-insensitive).</summary>
    public Dictionary<string, BackendOptions> Backends { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One backend: <c>Summarizer:Backends:&lt;name&gt;</c>.</summary>
public sealed class BackendOptions
{
    public string Provider { get; set; } = "";

    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? Deployment { get; set; }

    /// <summary>Extractive provider: the sentence embedder its ranking uses (<c>MiniLM</c>); unset: TF-IDF only, no model loaded.</summary>
    public string? Embeddings { get; set; }

    /// <summary>Secret. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model's context window; chunk budgets derive from it.</summary>
    public int ContextTokens { get; set; } = 8192;

    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>Concurrent calls per silo.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Calls waiting for a slot beyond <see cref="MaxConcurrency"/>, per silo; more are refused (503, Retry-After).</summary>
    public int MaxQueue { get; set; } = 32;

    /// <summary>Total time for one backend call, retries included.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Time for one HTTP attempt (LLM providers); a slower attempt is retried.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after the first attempt on 429, 5xx and timeouts (LLM providers).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Base delay of the exponential, jittered backoff; a <c>Retry-After</c> header overrides it.</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>How long the circuit stays open once most recent calls failed (LLM providers).</summary>
    public int CircuitBreakSeconds { get; set; } = 30;

    /// <summary>Concurrent calls for the whole cluster (every silo together); unset: only <see cref="MaxConcurrency"/> per silo.</summary>
    public int? ClusterMaxConcurrency { get; set; }

    /// <summary>Calls a minute for the whole cluster (a token bucket of that size); unset: no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Model tokens (input + output) a minute for the whole cluster; a call reserves its estimate and settles what it used. Unset: no limit.</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>Cluster-wide calls that may wait for a <see cref="ClusterMaxConcurrency"/> slot; more are refused (503, Retry-After).</summary>
    public int ClusterMaxQueue { get; set; } = 64;

    /// <summary>Longest a call waits for the cluster budget (a slot, or the minute's requests and tokens); a longer wait is refused at once (503, Retry-After).</summary>
    public int BudgetWaitSeconds { get; set; } = 30;

    /// <summary>True when any cluster-wide budget is configured.</summary>
    public bool HasClusterBudget => ClusterMaxConcurrency is not null || RequestsPerMinute is not null || TokensPerMinute is not null;

    /// <summary>How long a failed call (bad answer, timeout, 5xx) is remembered per spec and part, so the same call is not made again meanwhile (0: not remembered).</summary>
    public int FailureMemorySeconds { get; set; } = 30;

    /// <summary>Failed calls in a row (any part) after which every call of this backend is refused for <see cref="CircuitBreakSeconds"/> (0: never).</summary>
    public int CircuitBreakFailures { get; set; } = 5;
}
