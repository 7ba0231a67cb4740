namespace Summarizer.Contracts;

/// <summary>
/// One web page, keyed by its normalised URL: fetches it (SSRF-safe), decodes and extracts the
/// article, and keeps the result for the configured TTL, revalidating with ETag/Last-Modified after
/// it. Single-flight: calls arriving while a fetch is in flight share that one outbound request.
/// </summary>
public interface IUrlGrain : IGrainWithStringKey
{
    /// <remarks>A fetch is bounded by Summarizer:Fetch:Timeout (15 s by default); calls that join one wait for it.</remarks>
    [Idempotent]
    [ResponseTimeout("00:02:00")]
    Task<PageResult> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>The page's article (<see cref="Article"/>) or why there is none (<see cref="Failure"/>); <see cref="Cached"/> when no request was made for this call.</summary>
[GenerateSerializer, Immutable]
public sealed record PageResult(
    [property: Id(0)] PageArticle? Article,
    [property: Id(1)] PageFailure? Failure,
    [property: Id(2)] bool Cached);

/// <summary>
/// The article extracted from a fetched page: body text (paragraphs separated by blank lines, not
/// yet normalised), title, published date, metadata. <see cref="Rejection"/> set means the page is
/// no article (empty, teaser, paywall, cookie wall) and <see cref="Text"/> must not be summarised.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PageArticle(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Published,
    [property: Id(3)] ArticleMetadata Metadata,
    [property: Id(4)] string? Rejection,
    [property: Id(5)] string? RejectionDetail);

/// <summary>
/// Why a page could not be fetched. <see cref="Kind"/> is the problem slug: <c>url-refused</c>,
/// <c>fetch-failed</c>, <c>fetch-timeout</c>, <c>too-large</c> or <c>unsupported-content-type</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PageFailure(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] int? UpstreamStatus);
