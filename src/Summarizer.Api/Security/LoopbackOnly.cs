using System.Net;
using Microsoft.AspNetCore.Http;

namespace Summarizer.Api;

/// <summary>
/// With no API keys configured (and <c>Summarizer:Auth:Mode</c> not <c>None</c>), only clients on this
/// machine are served: a request from any other address gets 403, except the health probes
/// (<c>/healthz</c>, <c>/readyz</c>), which orchestrators send from outside.
/// </summary>
internal static class LoopbackOnly
{
    public static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        var keys = (ApiKeyRing)http.RequestServices.GetService(typeof(ApiKeyRing))!;
        if (keys.LoopbackOnly && !IsLoopback(http.Connection.RemoteIpAddress) && !IsHealth(http.Request.Path))
        {
            await Problems.LoopbackOnly().ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    /// <summary>No address (an in-memory test server) counts as this machine.</summary>
    internal static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static bool IsHealth(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
