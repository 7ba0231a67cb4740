namespace Summarizer.Fetching;

/// <summary>Why a fetch did not give a page; each kind is one problem type at the API.</summary>
public enum FetchFailureKind
{
    /// <summary>The URL or an address it resolves to is not allowed (scheme, port, userinfo, address class); nothing was sent.</summary>
    Refused,

    /// <summary>The upstream failed: DNS, TLS, connection reset, a non-success status, too many redirects.</summary>
    Failed,

    /// <summary>The whole fetch (all redirects and the body) took longer than the configured time.</summary>
    Timeout,

    /// <summary>The body is larger than the configured limit (declared or counted while streaming).</summary>
    TooLarge,

    /// <summary>The response's media type is not one of the configured content types.</summary>
    UnsupportedContentType,
}

/// <summary>A fetch that did not give a page, with the reason named for the client.</summary>
public sealed class FetchException : Exception
{
    public FetchException(FetchFailureKind kind, string reason, int? upstreamStatus = null, Exception? inner = null)
        : base(reason, inner) => (Kind, UpstreamStatus) = (kind, upstreamStatus);

    public FetchException()
        : this(FetchFailureKind.Failed, "The fetch failed.")
    {
    }

    public FetchException(string message)
        : this(FetchFailureKind.Failed, message)
    {
    }

    public FetchException(string message, Exception innerException)
        : this(FetchFailureKind.Failed, message, null, innerException)
    {
    }

    public FetchFailureKind Kind { get; }

    /// <summary>The upstream HTTP status, when the failure is one.</summary>
    public int? UpstreamStatus { get; }
}
