using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Summarizer.Api;

/// <summary>One active silo, as the membership table lists it.</summary>
public sealed record SiloResponse(string Address, string? Name, string? HostName, string Status, DateTime StartedAt, DateTime LastAlive);

/// <summary>Body of <c>GET /v1/cluster</c>: the silos that are active now.</summary>
public sealed record ClusterResponse(int ActiveSilos, IReadOnlyList<SiloResponse> Silos);

/// <summary><c>GET /v1/cluster</c>, for operators and tests; served by silos and gateways alike.</summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/cluster", GetCluster).WithName("GetCluster").WithSummary("The active silos of the cluster.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return v1;
    }

    internal static async Task<Ok<ClusterResponse>> GetCluster(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true, cancellationToken);
        var silos = hosts
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new SiloResponse(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString(), h.StartTime, h.IAmAliveTime))
            .ToList();
        return TypedResults.Ok(new ClusterResponse(silos.Count, silos));
    }
}
