namespace Summarizer.Api;

/// <summary>
/// Configuration section <c>Summarizer:Cors</c>: which browser origins may call the API. None by
/// default (no CORS headers at all, so only same-origin pages such as the built-in one can read
/// answers); <c>"*"</c> alone allows any origin, without credentials.
/// </summary>
public sealed class SummarizerCorsOptions
{
    public const string SectionName = "Summarizer:Cors";

    public const string PolicyName = "Summarizer:Cors";

    /// <summary>Origins allowed, each <c>scheme://host[:port]</c> with no path (e.g. <c>https://app.example.com</c>), or <c>*</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer, in seconds (default 600).</summary>
    public int PreflightMaxAgeSeconds { get; set; } = 600;

    /// <summary>The first origin that is not <c>scheme://host[:port]</c>, or null when all are.</summary>
    public string? FirstInvalidOrigin() =>
        AllowedOrigins.Length == 1 && AllowedOrigins[0] == "*"
            ? null
            : AllowedOrigins.FirstOrDefault(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/" || o.EndsWith('/') || !string.IsNullOrEmpty(uri.UserInfo));
}
