using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Testing.ModelServers;

namespace Summarizer.Api.Tests;

/// <summary>
/// Three silos, a gateway in front of each, and two model backends with cluster budgets, each on its
/// own loopback model server: <c>pooled</c> (<c>ClusterMaxConcurrency=4</c>, each silo alone would allow
/// 8) and <c>metered</c> (<c>RequestsPerMinute=5</c>, waits of at most 5 s). No fallback, so a refusal
/// is the client's answer. Every model call carries the silo that made it.
/// </summary>
public sealed class ModelBudgetFixture : IAsyncLifetime
{
    public const int ClusterMaxConcurrency = 4;
    public const int RequestsPerMinute = 5;

    public LoopbackModelServer Pooled { get; private set; } = null!;

    public LoopbackModelServer Metered { get; private set; } = null!;

    public GatewayCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pooled = await Model(TimeSpan.FromMilliseconds(200));
        Metered = await Model(TimeSpan.Zero);
        var config = new Dictionary<string, string?>
        {
            ["Summarizer:Backend"] = "extractive",
            ["Summarizer:Fallback"] = "",
            ["Summarizer:Backends:extractive:Provider"] = "Extractive",
        };
        BudgetTestSupport.Backend(config, "pooled", Pooled, ("ClusterMaxConcurrency", $"{ClusterMaxConcurrency}"), ("MaxConcurrency", "8"), ("MaxQueue", "64"));
        BudgetTestSupport.Backend(config, "metered", Metered, ("RequestsPerMinute", $"{RequestsPerMinute}"), ("BudgetWaitSeconds", "5"));
        Cluster = await GatewayCluster.StartAsync(3, config, (name, silo) =>
            silo.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new SiloHeaderHandler(name))));
    }

    private static async Task<LoopbackModelServer> Model(TimeSpan latency)
    {
        var server = await LoopbackModelServer.StartAsync();
        server.Latency = latency;
        server.AbortInFlightOnDispose = true;
        return server;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        foreach (var server in new[] { Pooled, Metered })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}

public sealed class ModelBudgetTests(ModelBudgetFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ModelBudgetFixture>
{
    [Fact]
    public async Task With_ClusterMaxConcurrency_4_three_silos_never_have_more_than_4_calls_at_the_model_and_every_request_succeeds()
    {
        const int requests = 30;
        var responses = await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            DigestAsync(fixture.Cluster.Gateways[i % 3].Http, "pooled", BudgetTestSupport.Article("pooled", i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(responses, r => Assert.False((bool)r.Body!["degraded"]!));
        output.WriteLine($"calls {fixture.Pooled.Calls.Count}, max in flight {fixture.Pooled.MaxInFlight}, silos {string.Join(",", fixture.Pooled.Calls.GroupBy(c => c.Silo).Select(g => $"{g.Key}={g.Count()}"))}");
        Assert.Equal(requests, fixture.Pooled.Calls.Count);
        Assert.InRange(fixture.Pooled.MaxInFlight, 1, ModelBudgetFixture.ClusterMaxConcurrency);
        Assert.True(fixture.Pooled.Calls.Select(c => c.Silo).Distinct().Count() >= 2, "the calls came from more than one silo");
    }

    [Fact]
    public async Task With_RequestsPerMinute_5_the_model_sees_no_more_than_5_calls_a_minute_and_the_rest_get_503_with_Retry_After()
    {
        const int requests = 12;
        var first = await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            DigestAsync(fixture.Cluster.Gateways[i % 3].Http, "metered", BudgetTestSupport.Article("metered", i))));

        Assert.True(fixture.Metered.Calls.Count == ModelBudgetFixture.RequestsPerMinute, string.Join("\n", first.Select(r => $"{r.Status} {r.Body?.ToJsonString()}")));
        Assert.Equal(ModelBudgetFixture.RequestsPerMinute, first.Count(r => r.Status == HttpStatusCode.OK));
        var refused = first.Where(r => r.Status != HttpStatusCode.OK).ToList();
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status);
            Assert.Equal("application/problem+json", r.MediaType);
            Assert.Equal(12, r.RetryAfter); // one call of 5 a minute: 12 s, more than the 5 s a call may wait
        });

        // A minute later the bucket is full again: another 5 calls, and no more.
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Task.WhenAll(Enumerable.Range(requests, requests).Select(i =>
            DigestAsync(fixture.Cluster.Gateways[i % 3].Http, "metered", BudgetTestSupport.Article("metered", i))));

        Assert.Equal(ModelBudgetFixture.RequestsPerMinute, second.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(2 * ModelBudgetFixture.RequestsPerMinute, fixture.Metered.Calls.Count);
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, int? RetryAfter, JsonObject? Body);

    private static async Task<Answer> DigestAsync(HttpClient http, string backend, string text)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri("/v1/digests?backend=" + backend, UriKind.Relative), content);
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? int.Parse(values.Single(), CultureInfo.InvariantCulture) : (int?)null;
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, retryAfter, await response.Content.ReadFromJsonAsync<JsonObject>());
    }
}
