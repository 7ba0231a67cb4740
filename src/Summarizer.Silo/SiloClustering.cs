using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Orleans.Configuration;
using Summarizer.Hosting;

namespace Summarizer.Silo;

/// <summary>
/// Membership by <see cref="ClusterSettings.Mode"/>: localhost, or Redis; grain storage to match
/// (<see cref="SiloStorage"/>); and readiness (<c>/readyz</c>): this silo is Active in the membership.
/// </summary>
public static class SiloClustering
{
    public static ISiloBuilder UseSummarizerClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = ClusterSettings.From(configuration);
        silo.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo", tags: [HostingExtensions.ReadyTag]);
        if (settings.Mode == ClusterMode.Embedded)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            return silo.UseSummarizerStorage(settings);
        }

        var redis = settings.Redis!;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = settings.ServiceId;
            o.ClusterId = settings.ClusterId;
        });
        silo.ConfigureEndpoints(AdvertisedAddress.Resolve(settings.AdvertisedIP), settings.SiloPort, settings.GatewayPort, settings.ListenOnAnyAddress);
        silo.UseRedisClustering(redis);

        // Failure detection is tunable (Orleans:Membership:ProbeTimeout, NumMissedProbesLimit, ...):
        // compose shortens it so a killed silo is declared dead in seconds, not tens of seconds.
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration("Orleans:Membership");
        return silo.UseSummarizerStorage(settings);
    }
}

/// <summary>The address a silo advertises in the membership table.</summary>
public static class AdvertisedAddress
{
    /// <summary>
    /// The configured address (an IP, or a host name resolved to its first IPv4); otherwise the first
    /// non-loopback IPv4 of this host's name (a container's own address), then of any interface that is up.
    /// </summary>
    public static IPAddress Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (IPAddress.TryParse(configured, out var ip))
            {
                return ip;
            }

            return FirstIPv4(Dns.GetHostAddresses(configured))
                ?? throw new InvalidOperationException($"{ClusterSettings.SectionName}:AdvertisedIP '{configured}' resolves to no IPv4 address.");
        }

        IPAddress? fromHostName = null;
        try
        {
            fromHostName = FirstIPv4(Dns.GetHostAddresses(Dns.GetHostName()));
        }
        catch (SocketException)
        {
            // No resolvable host name (some sandboxes): fall back to the interfaces.
        }

        return fromHostName
            ?? FirstIPv4(NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address)))
            ?? IPAddress.Loopback;
    }

    private static IPAddress? FirstIPv4(IEnumerable<IPAddress> addresses) =>
        addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
