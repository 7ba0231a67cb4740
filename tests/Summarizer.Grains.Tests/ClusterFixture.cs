using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Summarizer.Backends;

namespace Summarizer.Grains.Tests;

/// <summary>
/// A real two-silo Orleans cluster in this process, with the Summarizer grains, memory storage,
/// the extractive backend (default) and a counting backend shared by both silos.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly CountingBackendProvider Counting = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Articles);
            silo.AddSummarizerGrains();
            silo.Services.AddSingleton<IBackendProvider>(Counting);
            silo.Services.Configure<SummarizerOptions>(o =>
            {
                o.Backend = "extractive";
                o.Backends["extractive"] = new BackendOptions { Provider = ExtractiveBackend.ProviderName };
                o.Backends["counting"] = new BackendOptions { Provider = CountingBackendProvider.ProviderName };
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
