using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Testing.PageServers;

namespace Summarizer.Fetching.Tests;

/// <summary>A <see cref="PageFetcher"/> built the way the service builds it, from configuration keys.</summary>
internal static class TestFetchers
{
    /// <summary>A fetcher that may reach <paramref name="server"/> (its port, and 127.0.0.1/32 unless <paramref name="allowLoopback"/> is false).</summary>
    public static (PageFetcher Fetcher, ServiceProvider Services) For(
        LoopbackPageServer server, bool allowLoopback = true, IDictionary<string, string?>? settings = null, IHostAddressResolver? resolver = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Summarizer:Fetch:AllowedPorts:0"] = server.BaseAddress.Port.ToString(CultureInfo.InvariantCulture),
        };
        if (allowLoopback)
        {
            config["Summarizer:Fetch:AllowedNetworks:0"] = "127.0.0.1/32";
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        if (resolver is not null)
        {
            services.AddSingleton(resolver);
        }

        services.AddPageFetcher();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<PageFetcher>(), provider);
    }
}

/// <summary>A DNS that answers from a table, counting the lookups.</summary>
internal sealed class TableResolver(Dictionary<string, IPAddress[]> table) : IHostAddressResolver
{
    public int Lookups { get; private set; }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups++;
        return Task.FromResult(table.TryGetValue(host, out var addresses) ? addresses : []);
    }
}
