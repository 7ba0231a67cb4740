using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// The ProblemDetails for an exception that crossed from the grains. One mapping, used both for
/// plain responses and for the <c>error</c> event of a Server-Sent Events stream.
/// </summary>
public static class ProblemMapping
{
    public static ProblemDetails From(Exception exception)
    {
        var (status, slug, title, detail, extensions) = exception switch
        {
            UnknownBackendException e => (StatusCodes.Status400BadRequest, "unknown-backend", "Unknown backend.", e.Message,
                new Dictionary<string, object?> { ["available"] = e.Available, ["errors"] = new Dictionary<string, string[]> { ["backend"] = [e.Message] } }),
            ArticleNotAnalysableException e => (StatusCodes.Status422UnprocessableEntity, "unanalysable-article", "The article could not be analysed.", e.Message, null),
            CollectionNotFoundException e => (StatusCodes.Status404NotFound, "not-found", "Not found.", e.Message, null),
            ArticleNotFoundException e => (StatusCodes.Status404NotFound, "not-found", "Not found.", e.Message, null),
            ArticleLimitExceededException e => (StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large.", e.Message,
                new Dictionary<string, object?> { ["limit"] = e.Limit, ["max"] = e.Max, ["actual"] = e.Actual }),
            BackendFailureException { Kind: BackendFailureKind.Timeout } e => (StatusCodes.Status504GatewayTimeout, "backend-timeout", "The model backend timed out.", e.Message, Backend(e)),
            BackendFailureException { Kind: BackendFailureKind.Unavailable } e => (StatusCodes.Status503ServiceUnavailable, "backend-unavailable", "The model backend is unavailable.", e.Message, Backend(e)),
            BackendFailureException e => (StatusCodes.Status502BadGateway, "backend-error", "The model backend failed.", e.Message, Backend(e)),
            SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, Problems.ClusterUnavailableSlug,
                Problems.ClusterUnavailableTitle, Problems.ClusterUnavailableDetail, null),
            BadHttpRequestException e => (e.StatusCode, "malformed-request", "The request is malformed.", e.Message, null),
            _ => (StatusCodes.Status500InternalServerError, "internal", "An unexpected error occurred.", "The server failed to process the request; it has been logged.", (Dictionary<string, object?>?)null),
        };

        var details = new ProblemDetails { Status = status, Type = Problems.TypeBase + slug, Title = title, Detail = detail };
        foreach (var (k, v) in extensions ?? [])
        {
            details.Extensions[k] = v;
        }

        return details;
    }

    private static Dictionary<string, object?>? Backend(BackendFailureException e) =>
        e.Backend is null ? null : new() { ["backend"] = e.Backend };
}
