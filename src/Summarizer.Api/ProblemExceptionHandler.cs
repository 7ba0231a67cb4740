using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Messaging;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// Maps exceptions that cross from the grains into ProblemDetails with the right status: unknown
/// backend → 400, unknown article → 404, backend failures → 502/503/504 (with Retry-After), no reachable
/// silo (after the gateway's retries) → 503.
/// Anything else is a server fault: 500, logged, with no internals in the body.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, slug, title, detail, extensions) = exception switch
        {
            UnknownBackendException e => (StatusCodes.Status400BadRequest, "unknown-backend", "Unknown backend.", e.Message,
                new Dictionary<string, object?> { ["available"] = e.Available, ["errors"] = new Dictionary<string, string[]> { ["backend"] = [e.Message] } }),
            ArticleNotFoundException e => (StatusCodes.Status404NotFound, "not-found", "Not found.", e.Message, null),
            BackendFailureException { Kind: BackendFailureKind.Timeout } e => (StatusCodes.Status504GatewayTimeout, "backend-timeout", "The model backend timed out.", e.Message, Backend(e)),
            BackendFailureException { Kind: BackendFailureKind.Unavailable } e => (StatusCodes.Status503ServiceUnavailable, "backend-unavailable", "The model backend is unavailable.", e.Message, Backend(e)),
            BackendFailureException e => (StatusCodes.Status502BadGateway, "backend-error", "The model backend failed.", e.Message, Backend(e)),
            SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, Problems.ClusterUnavailableSlug,
                Problems.ClusterUnavailableTitle, Problems.ClusterUnavailableDetail, null),
            BadHttpRequestException e => (e.StatusCode, "malformed-request", "The request is malformed.", e.Message, null),
            _ => (StatusCodes.Status500InternalServerError, "internal", "An unexpected error occurred.", "The server failed to process the request; it has been logged.", (Dictionary<string, object?>?)null),
        };

        if (status >= 500 && exception is not BackendFailureException)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        if (exception is BackendFailureException { RetryAfter: { } retryAfter } && status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (slug == Problems.ClusterUnavailableSlug)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        httpContext.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Type = Problems.TypeBase + slug, Title = title, Detail = detail };
        foreach (var (k, v) in extensions ?? [])
        {
            details.Extensions[k] = v;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static Dictionary<string, object?>? Backend(BackendFailureException e) =>
        e.Backend is null ? null : new() { ["backend"] = e.Backend };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
