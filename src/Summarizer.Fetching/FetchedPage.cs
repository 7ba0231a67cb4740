using Summarizer.Extraction;

namespace Summarizer.Fetching;

/// <summary>Validators of an earlier fetch, sent as <c>If-None-Match</c> / <c>If-Modified-Since</c>.</summary>
public sealed record FetchValidators(string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// A fetched page: the URL asked for, the URL the redirects ended at, the media type and charset
/// the server declared, and the body bytes (decompressed). <see cref="NotModified"/> is a 304 answer
/// to <see cref="FetchValidators"/>: no body, the earlier one still holds.
/// </summary>
public sealed record FetchedPage(
    Uri RequestedUrl,
    Uri FinalUrl,
    int Redirects,
    string MediaType,
    string? Charset,
    byte[] Body,
    string? ETag,
    DateTimeOffset? LastModified,
    bool NotModified = false)
{
    /// <summary>How long the upstream lets the page be reused without asking again: 0 for <c>no-cache</c>/<c>no-store</c>, <c>max-age</c> if given, else null (no limit of its own).</summary>
    public TimeSpan? MaxAge { get; init; }

    public bool IsHtml => !MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as text: BOM, then the Content-Type charset, then <c>&lt;meta&gt;</c>, then sniffing (<see cref="HtmlDecoding"/>).</summary>
    public string DecodeText() => HtmlDecoding.Decode(Body, Charset);
}
