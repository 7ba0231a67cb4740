using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Contracts;
using Summarizer.Testing.ModelServers;

namespace Summarizer.Api.Tests;

/// <summary>
/// Three silos, a gateway in front of each, two backends on their own loopback model servers:
/// <c>bulk</c> (<c>RequestsPerMinute=6000</c>, <c>TokensPerMinute=6000000</c>: a silo's batch is a second's
/// budget, 100 requests) and <c>tokens</c> (<c>TokensPerMinute=2000</c>, no waiting). Every call to
/// <see cref="IBackendBudgetGrain.TakeRateAsync"/> is counted by an incoming grain call filter.
/// </summary>
public sealed class ModelBudgetBatchFixture : IAsyncLifetime
{
    public const int TokensPerMinute = 2000;

    private int _takeRateCalls;

    public LoopbackModelServer Bulk { get; private set; } = null!;

    public LoopbackModelServer Tokens { get; private set; } = null!;

    public GatewayCluster Cluster { get; private set; } = null!;

    public int TakeRateCalls => Volatile.Read(ref _takeRateCalls);

    public async Task InitializeAsync()
    {
        Bulk = await LoopbackModelServer.StartAsync();
        Tokens = await LoopbackModelServer.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Summarizer:Backend"] = "extractive",
            ["Summarizer:Fallback"] = "",
            ["Summarizer:Backends:extractive:Provider"] = "Extractive",
        };
        BudgetTestSupport.Backend(config, "bulk", Bulk, ("RequestsPerMinute", "6000"), ("TokensPerMinute", "6000000"));
        BudgetTestSupport.Backend(config, "tokens", Tokens, ("TokensPerMinute", TokensPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MaxOutputTokens", "200"), ("BudgetWaitSeconds", "0"));
        Cluster = await GatewayCluster.StartAsync(3, config, (_, silo) => silo.AddIncomingGrainCallFilter(context =>
        {
            if (context.InterfaceMethod?.Name == nameof(IBackendBudgetGrain.TakeRateAsync))
            {
                Interlocked.Increment(ref _takeRateCalls);
            }

            return context.Invoke();
        }));
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        foreach (var server in new[] { Bulk, Tokens })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}

public sealed class ModelBudgetBatchTests(ModelBudgetBatchFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ModelBudgetBatchFixture>
{
    [Fact]
    public async Task Silos_take_request_and_token_permits_from_the_budget_grain_in_batches_not_per_model_call()
    {
        const int requests = 60;
        var before = fixture.TakeRateCalls;
        var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            StatusAsync(fixture.Cluster.Gateways[i % 3].Http, "bulk", BudgetTestSupport.Article("bulk", i))));

        var grainCalls = fixture.TakeRateCalls - before;
        output.WriteLine($"model calls {fixture.Bulk.Calls.Count}, TakeRateAsync grain calls {grainCalls}");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(requests, fixture.Bulk.Calls.Count);
        // One batch of 100 requests per silo covers its 20 calls (the limits' clock stands still, so no batch expires).
        Assert.InRange(grainCalls, 1, 3);
    }

    [Fact]
    public async Task With_TokensPerMinute_the_model_never_sees_more_tokens_a_minute_than_the_budget()
    {
        var served = new List<int>();
        for (var minute = 0; minute < 3; minute++)
        {
            var callsBefore = fixture.Tokens.Calls.Count;
            var statuses = await Task.WhenAll(Enumerable.Range(minute * 12, 12).Select(i =>
                StatusAsync(fixture.Cluster.Gateways[i % 3].Http, "tokens", BudgetTestSupport.Article("tokens", i))));
            var calls = fixture.Tokens.Calls.Count - callsBefore;
            var tokens = calls * (LoopbackModelServer.DefaultPromptTokens + LoopbackModelServer.DefaultCompletionTokens);
            output.WriteLine($"minute {minute}: {calls} model calls, {tokens} tokens reported by the model, {statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} refused");
            Assert.InRange(tokens, 1, ModelBudgetBatchFixture.TokensPerMinute);
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            Assert.Equal(calls, statuses.Count(s => s == HttpStatusCode.OK));
            served.Add(calls);
            fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.True(served.Sum() < 36, "some requests were refused: the budget, not the load, set the calls");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string backend, string text)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri("/v1/digests?backend=" + backend, UriKind.Relative), content);
        return response.StatusCode;
    }
}
