using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// RFC 9457 problem details with stable <c>type</c> URIs, one per kind of failure, so clients can
/// branch on the type rather than on the wording.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://summarizer.dev/problems/";

    public static ProblemHttpResult Malformed(string detail, string? field = null) =>
        Create(StatusCodes.Status400BadRequest, "malformed-request", "The request is malformed.", detail, field is null ? null : Errors(field, detail));

    public static ProblemHttpResult Invalid(string field, string detail) =>
        Create(StatusCodes.Status400BadRequest, "invalid-parameter", "A parameter is invalid.", detail, Errors(field, detail));

    public static ProblemHttpResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static ProblemHttpResult TooLarge(string detail) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large.", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type.", detail);

    public static ProblemHttpResult NoArticleText(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "no-article-text", "No article text found.", detail);

    /// <summary>The extracted page is no article (empty, a teaser, a paywall stub, a cookie wall); <paramref name="reason"/> says which.</summary>
    public static ProblemHttpResult NoArticle(string reason, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "no-article", "The page holds no article.", detail, new Dictionary<string, object?> { ["reason"] = reason });

    /// <summary>The problem for a page that could not be fetched (<see cref="PageFailure.Kind"/> is the slug).</summary>
    public static ProblemHttpResult Fetch(PageFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (status, title) = failure.Kind switch
        {
            "url-refused" => (StatusCodes.Status400BadRequest, "The URL is refused."),
            "fetch-timeout" => (StatusCodes.Status504GatewayTimeout, "Fetching the page timed out."),
            "too-large" => (StatusCodes.Status413PayloadTooLarge, "The page is too large."),
            "unsupported-content-type" => (StatusCodes.Status415UnsupportedMediaType, "The page's content type is not supported."),
            _ => (StatusCodes.Status502BadGateway, "Fetching the page failed."),
        };
        var extensions = new Dictionary<string, object?>();
        if (failure.UpstreamStatus is { } upstream)
        {
            extensions["upstreamStatus"] = upstream;
        }

        if (failure.Kind == "url-refused")
        {
            extensions["errors"] = new Dictionary<string, string[]> { ["url"] = [failure.Detail] };
        }

        return Create(status, failure.Kind is "url-refused" or "fetch-timeout" or "too-large" or "unsupported-content-type" ? failure.Kind : "fetch-failed",
            title, failure.Detail, extensions);
    }

    /// <summary>No silo can be reached (a gateway not yet connected, or the cluster restarting); retry shortly.</summary>
    public static ProblemHttpResult ClusterUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, ClusterUnavailableSlug, ClusterUnavailableTitle, ClusterUnavailableDetail);

    /// <summary>401: no API key, or not a configured one (the caller also sets <c>WWW-Authenticate</c>).</summary>
    public static ProblemDetails UnauthorizedDetails(string detail) =>
        new() { Status = StatusCodes.Status401Unauthorized, Type = TypeBase + "unauthorized", Title = "An API key is required.", Detail = detail };

    /// <summary>403: no API keys are configured, so only clients on this machine are served.</summary>
    public static ProblemHttpResult LoopbackOnly() =>
        Create(StatusCodes.Status403Forbidden, "loopback-only", "Only local clients are served.",
            "This server has no API keys configured and serves clients on its own machine only.");

    /// <summary>429: the caller's request budget is spent (the caller sets <c>Retry-After</c>).</summary>
    public static ProblemHttpResult RateLimited(string detail) =>
        Create(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.", detail);

    /// <summary>429: the caller has as many streams open as allowed (the caller sets <c>Retry-After</c>).</summary>
    public static ProblemHttpResult TooManyStreams(string detail) =>
        Create(StatusCodes.Status429TooManyRequests, "too-many-streams", "Too many open streams.", detail);

    /// <summary>The <c>error</c> event that ends a stream open for its time limit (<c>Summarizer:RateLimit:MaxStreamSeconds</c>).</summary>
    public static ProblemDetails StreamTimeLimitDetails(string detail) =>
        new() { Status = StatusCodes.Status408RequestTimeout, Type = TypeBase + StreamTimeLimitSlug, Title = StreamTimeLimitTitle, Detail = detail };

    /// <summary>408: the stream's time limit passed before its first event (the response had not started).</summary>
    public static ProblemHttpResult StreamTimeLimit(string detail) =>
        Create(StatusCodes.Status408RequestTimeout, StreamTimeLimitSlug, StreamTimeLimitTitle, detail);

    private const string StreamTimeLimitSlug = "stream-time-limit";
    private const string StreamTimeLimitTitle = "The stream reached its time limit.";

    internal const string ClusterUnavailableSlug = "cluster-unavailable";
    internal const string ClusterUnavailableTitle = "No silo could serve the request.";
    internal const string ClusterUnavailableDetail = "The cluster is unavailable or changing; retry shortly.";

    /// <summary>
    /// The body for a response Kestrel writes itself when it rejects a request before the API sees
    /// it (see <c>Transport.RejectionProblemWriter</c>): the status is Kestrel's, the type says which
    /// limit or rule was hit as far as the status tells.
    /// </summary>
    public static ProblemDetails ForRejection(int status)
    {
        var (slug, title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("malformed-request", "The request is malformed.", "The server could not parse the request (request line, header or framing)."),
            StatusCodes.Status408RequestTimeout => ("request-timeout", "The request took too long.", "The request headers or body did not arrive in time."),
            StatusCodes.Status411LengthRequired => ("length-required", "Length required.", "A request with a body needs Content-Length or chunked Transfer-Encoding."),
            StatusCodes.Status413PayloadTooLarge => ("too-large", "The request is too large.", "The request body is larger than the server accepts."),
            StatusCodes.Status414UriTooLong => ("uri-too-long", "The URI is too long.", "The request line is longer than the server accepts (Kestrel MaxRequestLineSize)."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("headers-too-large", "The request headers are too large.", "The request headers are larger or more numerous than the server accepts (Kestrel MaxRequestHeadersTotalSize / MaxRequestHeaderCount)."),
            StatusCodes.Status505HttpVersionNotsupported => ("http-version-not-supported", "HTTP version not supported.", "Send HTTP/1.1 or HTTP/2."),
            _ => ("http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), "The request was rejected.", "The server rejected the request."),
        };
        return new ProblemDetails { Status = status, Type = TypeBase + slug, Title = title, Detail = detail };
    }

    internal static ProblemHttpResult Create(int status, string slug, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + slug, extensions: extensions);

    /// <summary>400 naming every one of <paramref name="fields"/> in <c>errors</c>.</summary>
    public static ProblemHttpResult MalformedFields(string detail, IEnumerable<string> fields) =>
        Create(StatusCodes.Status400BadRequest, "malformed-request", "The request is malformed.", detail,
            new Dictionary<string, object?> { ["errors"] = fields.ToDictionary(f => f, _ => new[] { detail }) });

    private static Dictionary<string, object?> Errors(string field, string detail) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } };
}
