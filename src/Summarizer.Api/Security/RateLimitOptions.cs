namespace Summarizer.Api;

/// <summary>
/// Configuration section <c>Summarizer:RateLimit</c>: per caller (API key, or client address without
/// keys), for the whole cluster. Every limit is off while its key is unset.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Summarizer:RateLimit";

    /// <summary>Requests a minute a caller's bucket refills with; unset: no request limit.</summary>
    public int? PermitsPerMinute { get; set; }

    /// <summary>Requests a caller may make at once after a quiet spell (the bucket's size); default: <see cref="PermitsPerMinute"/>.</summary>
    public int? Burst { get; set; }

    /// <summary>Server-Sent Events streams a caller may have open at once; unset: no limit.</summary>
    public int? MaxConcurrentStreams { get; set; }

    /// <summary>Longest a stream may stay open, in seconds; then it ends with an <c>error</c> event (<c>stream-time-limit</c>). Unset: no limit.</summary>
    public int? MaxStreamSeconds { get; set; }
}
