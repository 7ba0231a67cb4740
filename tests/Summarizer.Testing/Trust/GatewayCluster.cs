using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Summarizer.Api;
using Summarizer.Contracts;
using Summarizer.Grains;

namespace Summarizer.Testing;

/// <summary>
/// An <see cref="InProcessTestCluster"/> of several silos with one HTTP API host in front of each silo
/// (real Kestrel on 127.0.0.1, the production <c>AddSummarizerApi</c>/<c>UseSummarizerApi</c>, the
/// silo's own <see cref="IGrainFactory"/>): several gateways of one cluster, as a client sees them.
/// Every silo and API host share <see cref="Clock"/> as their <see cref="LimitsClock"/>, so limits and
/// budgets move only when a test advances it; Orleans and Kestrel keep the system clock. The same
/// configuration reaches the silos and the API hosts.
/// </summary>
public sealed class GatewayCluster : IAsyncDisposable
{
    private GatewayCluster(InProcessTestCluster cluster, FakeTimeProvider clock, IReadOnlyList<RunningHost> gateways)
    {
        Cluster = cluster;
        Clock = clock;
        Gateways = gateways;
    }

    public InProcessTestCluster Cluster { get; }

    /// <summary>The limits' clock of every silo and gateway.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>One API host per silo, in silo order.</summary>
    public IReadOnlyList<RunningHost> Gateways { get; }

    /// <param name="silos">Silos, each with a gateway in front.</param>
    /// <param name="config">Configuration of silos and gateways (<c>Summarizer:...</c>).</param>
    /// <param name="configureSilo">More silo wiring, by silo name (an HTTP handler that tags model calls).</param>
    public static async Task<GatewayCluster> StartAsync(short silos, IReadOnlyDictionary<string, string?> config, Action<string, ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var limitsClock = new LimitsClock(clock);
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(config);
            host.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Articles);
            silo.AddSummarizerGrains();
            silo.Services.AddSingleton(limitsClock);
            configureSilo?.Invoke(options.SiloName, silo);
        });
        var cluster = builder.Build();
        var gateways = new List<RunningHost>();
        try
        {
            await cluster.DeployAsync();
            foreach (var silo in cluster.Silos)
            {
                var web = WebApplication.CreateSlimBuilder();
                web.WebHost.UseUrls(LoopbackPorts.AnyPortUrl);
                web.Configuration.AddInMemoryCollection(config);
                web.Logging.ClearProviders();
                web.Services.AddSingleton(silo.ServiceProvider.GetRequiredService<IGrainFactory>());
                web.Services.AddSingleton(limitsClock);
                web.Services.AddSummarizerApi();
                var app = web.Build();
                app.UseSummarizerApi();
                gateways.Add(await RunningHost.StartAsync(app));
            }
        }
        catch
        {
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }

            await cluster.DisposeAsync();
            throw;
        }

        return new GatewayCluster(cluster, clock, gateways);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
