using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>Calls and model tokens of one backend for the caller.</summary>
public sealed record BackendUsageResponse(string Backend, long Calls, long InputTokens, long OutputTokens);

/// <summary>
/// Body of <c>GET /v1/usage</c>: the caller (an API key's id, or <c>ip:&lt;address&gt;</c> without keys)
/// and its backend calls for the whole cluster, one entry per backend it used.
/// </summary>
public sealed record UsageResponse(string Caller, IReadOnlyList<BackendUsageResponse> Backends);

/// <summary><c>GET /v1/usage</c>: every caller sees its own usage, never another's.</summary>
public static class UsageApi
{
    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/usage", GetUsage).WithName("GetUsage")
            .WithSummary("Backend calls and model tokens (in/out) of the calling key, or client address without keys, per backend, for the whole cluster.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    internal static async Task<Ok<UsageResponse>> GetUsage(HttpContext http, IGrainFactory grains)
    {
        var caller = CallerIdentity.Of(http);
        var usage = await grains.GetGrain<IUsageGrain>(caller).GetAsync();
        return TypedResults.Ok(new UsageResponse(caller, [.. usage.Select(u => new BackendUsageResponse(u.Backend, u.Calls, u.InputTokens, u.OutputTokens))]));
    }
}
