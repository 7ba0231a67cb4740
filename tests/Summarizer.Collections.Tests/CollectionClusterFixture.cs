using System.Globalization;
using Summarizer.Testing.PageServers;

namespace Summarizer.Collections.Tests;

/// <summary>
/// A 3-silo cluster (<see cref="LongArticleCluster"/>: HTTP API as an Orleans client, the real
/// OpenAI-compatible backend <c>llm</c> against a loopback model server) and a loopback page server
/// the silos and the API may reach (127.0.0.1/32 and its port allowed in Summarizer:Fetch).
/// </summary>
public sealed class CollectionClusterFixture : IAsyncLifetime
{
    public LongArticleCluster Cluster { get; private set; } = null!;

    public LoopbackPageServer Pages { get; private set; } = null!;

    public HttpClient Http => Cluster.Http;

    public async Task InitializeAsync()
    {
        Pages = await LoopbackPageServer.StartAsync();
        Cluster = await LongArticleCluster.StartAsync(new LongArticleClusterSettings
        {
            Configuration = new Dictionary<string, string?>
            {
                ["Summarizer:Fetch:AllowedNetworks:0"] = "127.0.0.1/32",
                ["Summarizer:Fetch:AllowedPorts:0"] = Pages.BaseAddress.Port.ToString(CultureInfo.InvariantCulture),
                ["Summarizer:Fetch:Timeout"] = "00:00:05",
            },
        });
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Pages.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CollectionClusterCollection : ICollectionFixture<CollectionClusterFixture>
{
    public const string Name = "collection cluster";
}
