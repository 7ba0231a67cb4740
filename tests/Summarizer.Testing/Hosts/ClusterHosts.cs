using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Summarizer.Gateway;
using Summarizer.Silo;
using Summarizer.Testing.ModelServers;

namespace Summarizer.Testing;

/// <summary>Real silo and gateway hosts in cluster (Redis) mode, built with the production wiring.</summary>
public sealed class ClusterHosts(string redis, string? clusterId = null)
{
    public string ClusterId { get; } = clusterId ?? "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Builds and starts a silo (HTTP on port 0, read back).</summary>
    public Task<RunningHost> StartSiloAsync(Action<WebApplicationBuilder>? configure = null, params string[] extraArgs) =>
        RunningHost.StartAsync(SummarizerSilo.Build(
        [
            .. CommonArgs(LoopbackPorts.AnyPortUrl),
            $"--Orleans:SiloPort={LoopbackPorts.Free()}",
            $"--Orleans:GatewayPort={LoopbackPorts.Free()}",
            "--Summarizer:Cluster:AdvertisedIP=127.0.0.1",
            "--Summarizer:Cluster:ListenOnAnyAddress=false",
            .. extraArgs,
        ], configure));

    /// <summary>
    /// Builds and starts a gateway. With <paramref name="waitForStart"/> false it returns once HTTP
    /// answers, connected to a silo or not (so its port is chosen up front: the start that would
    /// report it has not finished). A gateway refuses to start without API keys unless told
    /// <c>Summarizer:Auth:Mode=None</c>; these hosts say None unless <paramref name="extraArgs"/> set
    /// <c>--Summarizer:Auth:Mode=Keys</c> with keys (a later argument wins).
    /// </summary>
    public Task<RunningHost> StartGatewayAsync(bool waitForStart = true, params string[] extraArgs)
    {
        if (waitForStart)
        {
            return RunningHost.StartAsync(SummarizerGateway.Build([.. CommonArgs(LoopbackPorts.AnyPortUrl), NoAuth, .. extraArgs]));
        }

        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        return RunningHost.StartWithoutWaitingAsync(SummarizerGateway.Build([.. CommonArgs(url), NoAuth, .. extraArgs]), new Uri(url));
    }

    private const string NoAuth = "--Summarizer:Auth:Mode=None";

    /// <summary>Builds and starts a gateway (HTTP on port 0, read back) after <paramref name="configure"/> has had its builder.</summary>
    public Task<RunningHost> StartGatewayAsync(Action<WebApplicationBuilder> configure, params string[] extraArgs) =>
        RunningHost.StartAsync(SummarizerGateway.Build([.. CommonArgs(LoopbackPorts.AnyPortUrl), NoAuth, .. extraArgs], configure));

    private string[] CommonArgs(string url) =>
    [
        $"--urls={url}",
        "--Summarizer:Cluster:Mode=Redis",
        $"--Summarizer:Cluster:Redis={redis}",
        $"--Orleans:ClusterId={ClusterId}",
        "--Orleans:ServiceId=summarizer-tests",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Orleans=Error",
    ];

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

    public static async Task<int> ActiveSilosAsync(HttpClient http)
    {
        var cluster = await http.GetFromJsonAsync<Summarizer.Api.ClusterResponse>(new Uri("/v1/cluster", UriKind.Relative));
        return cluster!.ActiveSilos;
    }
}
