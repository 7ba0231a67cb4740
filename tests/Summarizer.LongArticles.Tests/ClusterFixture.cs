using Summarizer.Testing;
using Summarizer.Text;

namespace Summarizer.LongArticles.Tests;

/// <summary>One 3-silo cluster, loopback model server and HTTP API for the whole collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public LongArticleCluster Cluster { get; private set; } = null!;

    public TokenChunker Chunker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await LongArticleCluster.StartAsync();
        Chunker = new TokenChunker(Cluster.Tokens);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "long-article cluster";
}
