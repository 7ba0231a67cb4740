namespace Summarizer.Gateway;

/// <summary>Configuration section <c>Summarizer:Gateway</c>: how hard the gateway tries before a request fails.</summary>
public sealed class SummarizerGatewayOptions
{
    public const string SectionName = "Summarizer:Gateway";

    /// <summary>Attempts of one idempotent grain call, the first included (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>No retry starts after this long since the first attempt (default 30 s).</summary>
    public double RetryBudgetSeconds { get; set; } = 30;

    /// <summary>First backoff between attempts; doubles up to 2 s (default 0.2 s).</summary>
    public double FirstBackoffSeconds { get; set; } = 0.2;

    /// <summary>
    /// How long one grain call may take before the client gives up on it (Orleans' response timeout),
    /// and how long one attempt of an idempotent call may take before it is cancelled and retried,
    /// even when its interface asks for longer. Long enough for the slowest brief (default 120 s).
    /// </summary>
    public double ResponseTimeoutSeconds { get; set; } = 120;

    /// <summary>How often the client re-reads the silo list from membership, to use new silos as gateways (default 10 s).</summary>
    public double GatewayListRefreshSeconds { get; set; } = 10;
}
