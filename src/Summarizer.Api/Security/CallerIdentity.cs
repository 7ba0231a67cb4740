using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Orleans.Runtime;

namespace Summarizer.Api;

/// <summary>
/// Who is calling: the API key id (first 12 hex digits of the key's SHA-256), or <c>ip:&lt;address&gt;</c>
/// without keys. Set once per request, after authentication, in <c>HttpContext.Items</c> and in Orleans'
/// <see cref="RequestContext"/> (so grains see it) under <see cref="Key"/>; others read it, never set it.
/// </summary>
public static class CallerIdentity
{
    public const string Key = Summarizer.Contracts.CallerContext.Key;

    /// <summary>The caller id of a request (after authentication).</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var set) && set is string id)
        {
            return id;
        }

        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } keyId)
        {
            return keyId;
        }

        return "ip:" + Address(http.Connection.RemoteIpAddress);
    }

    /// <summary>True when the caller id is an API key's (not a client address).</summary>
    public static bool IsKey(string caller) => !caller.StartsWith("ip:", StringComparison.Ordinal);

    internal static string Address(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>Middleware: sets the caller id for the rest of the request (HTTP items and grain calls).</summary>
    internal static async Task SetAsync(HttpContext http, RequestDelegate next)
    {
        var caller = Of(http);
        http.Items[Key] = caller;
        RequestContext.Set(Key, caller);
        try
        {
            await next(http);
        }
        finally
        {
            RequestContext.Remove(Key);
        }
    }
}
