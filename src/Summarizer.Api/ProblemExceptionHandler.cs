using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// Maps exceptions that cross from the grains into ProblemDetails with the right status: unknown
/// backend → 400, unknown article → 404, over a limit → 413, backend failures → 502/503/504 (with Retry-After),
/// no reachable silo (after the gateway's retries) → 503.
/// Anything else is a server fault: 500, logged, with no internals in the body.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = ProblemMapping.From(exception);
        var status = details.Status ?? StatusCodes.Status500InternalServerError;
        if (status >= 500 && exception is not BackendFailureException)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        if (exception is BackendFailureException { RetryAfter: { } retryAfter } && status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (details.Type == Problems.TypeBase + Problems.ClusterUnavailableSlug)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
