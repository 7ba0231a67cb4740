using Summarizer.Api;

namespace Summarizer.Gateway;

/// <summary>
/// Until the Orleans client has connected once, it knows no grain types, and an API call would fail
/// as a server fault; answer those calls 503 <c>cluster-unavailable</c> with Retry-After instead.
/// The host's ApplicationStarted fires once every hosted service, the client included, has started.
/// </summary>
internal static class ClusterStartGate
{
    public static WebApplication UseClusterStartGate(this WebApplication app)
    {
        var started = app.Lifetime.ApplicationStarted;
        app.Use(async (context, next) =>
        {
            if (!started.IsCancellationRequested && context.Request.Path.StartsWithSegments("/v1"))
            {
                context.Response.Headers.RetryAfter = "2";
                await Problems.ClusterUnavailable().ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
