using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// <c>summarizer.requests</c> (meter <c>Summarizer</c>) per API operation and final status, and the
/// article id on the request's HTTP span, so a trace viewer finds every request for an article.
/// </summary>
public sealed class RequestTelemetry
{
    private readonly Counter<long> _requests;

    public RequestTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _requests = meters.Create(TelemetryTags.SourceName)
            .CreateCounter<long>("summarizer.requests", description: "API requests by operation and final status.");
    }

    internal Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (operation is null)
        {
            return next(context);
        }

        if (context.Request.RouteValues[ArticleIdFilter.RouteValue] is string id)
        {
            Activity.Current?.SetTag(TelemetryTags.ArticleId, id);
        }

        // Counted when the response is complete, so a failure the exception handler turned into a
        // problem is counted with the problem's status.
        context.Response.OnCompleted(() =>
        {
            _requests.Add(1, new TagList { { "operation", operation }, { "status", context.Response.StatusCode } });
            return Task.CompletedTask;
        });
        return next(context);
    }
}
