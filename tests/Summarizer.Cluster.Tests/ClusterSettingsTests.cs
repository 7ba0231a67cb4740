using Microsoft.Extensions.Configuration;
using Summarizer.Hosting;

namespace Summarizer.Cluster.Tests;

/// <summary>
/// Plain processes on one machine (Redis on loopback) advertise and listen on 127.0.0.1 without
/// being told; a Redis elsewhere (compose's <c>redis:6379</c>) keeps the network address; explicit keys win.
/// </summary>
public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("127.0.0.1:6379", true)]
    [InlineData("localhost:6379,abortConnect=false", true)]
    [InlineData("[::1]:6379", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("abortConnect=false,127.0.0.1:6379", true)]
    [InlineData("redis:6379", false)]
    [InlineData("10.0.0.5:6379", false)]
    [InlineData("[2001:db8::1]:6379", false)]
    [InlineData("", false)]
    public void Loopback_redis_endpoints_are_recognised(string connectionString, bool loopback) =>
        Assert.Equal(loopback, ClusterSettings.IsLoopbackEndpoint(connectionString));

    [Fact]
    public void Redis_on_loopback_advertises_and_listens_on_loopback()
    {
        var settings = From(("Summarizer:Cluster:Mode", "Redis"), ("Summarizer:Cluster:Redis", "127.0.0.1:6380"));
        Assert.Equal(("127.0.0.1", false), (settings.AdvertisedIP, settings.ListenOnAnyAddress));
    }

    [Fact]
    public void Redis_elsewhere_keeps_the_network_address_and_explicit_keys_win()
    {
        var compose = From(("Summarizer:Cluster:Mode", "Redis"), ("Summarizer:Cluster:Redis", "redis:6379"));
        Assert.Equal((null, true), (compose.AdvertisedIP, compose.ListenOnAnyAddress));

        var told = From(("Summarizer:Cluster:Mode", "Redis"), ("Summarizer:Cluster:Redis", "127.0.0.1:6380"),
            ("Summarizer:Cluster:AdvertisedIP", "192.0.2.10"), ("Summarizer:Cluster:ListenOnAnyAddress", "true"));
        Assert.Equal(("192.0.2.10", true), (told.AdvertisedIP, told.ListenOnAnyAddress));
    }

    private static ClusterSettings From(params (string Key, string Value)[] values) =>
        ClusterSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
