namespace Summarizer.Cluster.Tests;

/// <summary>One Redis-protocol server shared by the cluster tests.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
