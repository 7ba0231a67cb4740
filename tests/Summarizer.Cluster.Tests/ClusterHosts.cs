using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Summarizer.Gateway;
using Summarizer.Silo;
using Summarizer.Testing.ModelServers;

namespace Summarizer.Cluster.Tests;

/// <summary>A running host (silo or gateway) on loopback ports, with an HttpClient on its API.</summary>
public sealed class RunningHost(WebApplication app, string baseUrl) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public HttpClient Http { get; } = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public async Task StopAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Real silo and gateway hosts in cluster (Redis) mode, built with the production wiring.</summary>
public sealed class ClusterHosts(string redis, string? clusterId = null)
{
    public string ClusterId { get; } = clusterId ?? "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Builds and starts a silo; a silo whose start failed is disposed before the failure propagates.</summary>
    public async Task<RunningHost> StartSiloAsync(Action<WebApplicationBuilder>? configure = null, params string[] extraArgs)
    {
        var http = RedisServerFixture.FreePort();
        var app = SummarizerSilo.Build(
        [
            .. CommonArgs(http),
            $"--Orleans:SiloPort={RedisServerFixture.FreePort()}",
            $"--Orleans:GatewayPort={RedisServerFixture.FreePort()}",
            "--Summarizer:Cluster:AdvertisedIP=127.0.0.1",
            "--Summarizer:Cluster:ListenOnAnyAddress=false",
            .. extraArgs,
        ], configure);
        return await StartAsync(app, http, waitForStart: true);
    }

    /// <summary>Builds and starts a gateway. With <paramref name="waitForStart"/> false it returns once HTTP answers, connected or not.</summary>
    public async Task<RunningHost> StartGatewayAsync(bool waitForStart = true, params string[] extraArgs)
    {
        var http = RedisServerFixture.FreePort();
        var app = SummarizerGateway.Build([.. CommonArgs(http), .. extraArgs]);
        return await StartAsync(app, http, waitForStart);
    }

    private string[] CommonArgs(int httpPort) =>
    [
        $"--urls=http://127.0.0.1:{httpPort}",
        "--Summarizer:Cluster:Mode=Redis",
        $"--Summarizer:Cluster:Redis={redis}",
        $"--Orleans:ClusterId={ClusterId}",
        "--Orleans:ServiceId=summarizer-tests",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Orleans=Error",
    ];

    private static async Task<RunningHost> StartAsync(WebApplication app, int httpPort, bool waitForStart)
    {
        var host = new RunningHost(app, $"http://127.0.0.1:{httpPort}");
        try
        {
            var start = app.StartAsync();
            if (waitForStart)
            {
                await start.WaitAsync(TimeSpan.FromSeconds(90));
            }
            else
            {
                _ = start.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                await WaitUntilAsync(async () => (await TryGetAsync(host.Http, "/healthz")) == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A model server on 127.0.0.1 speaking OpenAI's <c>/v1/chat/completions</c>: every request
    /// waits a fixed latency, then answers a three-sentence brief (to every prompt). Unlimited
    /// concurrency, so the only limit is each silo's <c>MaxConcurrency</c>: the shape of a
    /// latency-bound model server. Disposing it aborts the calls still waiting. Point a backend at
    /// its <see cref="LoopbackModelServer.Endpoint"/>.
    /// </summary>
    public static async Task<LoopbackModelServer> StartFixedLatencyModelAsync(TimeSpan latency)
    {
        var server = await LoopbackModelServer.StartAsync();
        server.Latency = latency;
        server.Responder = _ => "The council approved the budget on Tuesday.\nThe mayor said the vote was close.\nThe plan now goes to the state for review.";
        server.PromptTokens = 120;
        server.CompletionTokens = 30;
        server.AbortInFlightOnDispose = true;
        return server;
    }

    /// <summary>
    /// Silo arguments that make <c>model</c>, the real OpenAI-compatible provider pointed at
    /// <paramref name="endpoint"/>, the default backend with no fallback; <paramref name="settings"/>
    /// are more <c>Summarizer:Backends:model</c> keys ("TimeoutSeconds=30").
    /// </summary>
    public static string[] ModelBackendArgs(Uri endpoint, string model, params string[] settings) =>
    [
        "--Summarizer:Backend=model",
        "--Summarizer:Fallback=",
        "--Summarizer:Backends:extractive:Provider=Extractive",
        "--Summarizer:Backends:model:Provider=OpenAICompatible",
        $"--Summarizer:Backends:model:Endpoint={endpoint}",
        $"--Summarizer:Backends:model:Model={model}",
        .. settings.Select(s => "--Summarizer:Backends:model:" + s),
    ];

    public static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds} s.");
            }

            await Task.Delay(250);
        }
    }

    public static async Task<int> ActiveSilosAsync(HttpClient http)
    {
        var cluster = await http.GetFromJsonAsync<Summarizer.Api.ClusterResponse>(new Uri("/v1/cluster", UriKind.Relative));
        return cluster!.ActiveSilos;
    }
}
