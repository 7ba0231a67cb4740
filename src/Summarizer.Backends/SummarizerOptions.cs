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

    /// <summary>Secret. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model's context window; chunk budgets derive from it.</summary>
    public int ContextTokens { get; set; } = 8192;

    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>Concurrent calls per silo.</summary>
    public int MaxConcurrency { get; set; } = 4;

    public int TimeoutSeconds { get; set; } = 60;
}
