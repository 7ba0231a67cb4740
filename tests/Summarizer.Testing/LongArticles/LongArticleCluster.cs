using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Summarizer.Api;
using Summarizer.Backends;
using Summarizer.Grains;
using Summarizer.Testing.ModelServers;
using Summarizer.Text;

namespace Summarizer.Testing;

/// <summary>Settings of a <see cref="LongArticleCluster"/>: one LLM backend, one with a small context, and the limits.</summary>
public sealed record LongArticleClusterSettings
{
    public short Silos { get; init; } = 3;

    /// <summary>Backend <c>llm</c>: the context window of the usual tests.</summary>
    public int ContextTokens { get; init; } = 2048;

    /// <summary>Backend <c>llm-small</c>: a context so small that reduce needs several levels.</summary>
    public int SmallContextTokens { get; init; } = 700;

    public int MaxOutputTokens { get; init; } = 256;

    public int SmallMaxOutputTokens { get; init; } = 100;

    public int PromptTokens { get; init; } = 200;

    public int MaxChunks { get; init; } = 60;

    public long MaxArticleBytes { get; init; } = 400_000;

    /// <summary>More configuration for the silos and the HTTP API (e.g. Summarizer:Fetch keys that let them reach a loopback page server).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();
}

/// <summary>
/// A 3-silo <see cref="InProcessTestCluster"/> whose backends call a <see cref="LoopbackModelServer"/>,
/// with the HTTP API in front of it on 127.0.0.1 as an Orleans client (the gateway's shape).
/// Backends: <c>extractive</c> (default), <c>llm</c>, <c>llm-small</c> (small context) and
/// <c>llm-tight</c> (MaxConcurrency 1, MaxQueue 2 per silo), all the real
/// <c>OpenAICompatible</c> provider configured by options (Semantic Kernel, resilience pipeline).
/// </summary>
public sealed class LongArticleCluster : IAsyncDisposable
{
    private LongArticleCluster(LoopbackModelServer server, InProcessTestCluster cluster, WebApplication api, HttpClient http, TokenCounter tokens, LongArticleClusterSettings settings, IReadOnlyDictionary<string, string?> siloConfiguration)
    {
        SiloConfiguration = siloConfiguration;
        Server = server;
        Cluster = cluster;
        Api = api;
        Http = http;
        Tokens = tokens;
        Settings = settings;
    }

    public LoopbackModelServer Server { get; }

    public InProcessTestCluster Cluster { get; }

    public WebApplication Api { get; }

    /// <summary>Client of the HTTP API.</summary>
    public HttpClient Http { get; }

    public TokenCounter Tokens { get; }

    public LongArticleClusterSettings Settings { get; }

    /// <summary>The configuration every silo reads (flat keys such as <c>Summarizer:Backends:llm:Endpoint</c>): the eval CLI can be given the same.</summary>
    public IReadOnlyDictionary<string, string?> SiloConfiguration { get; }

    /// <summary>The input budget of a backend, as the grains compute it.</summary>
    public int InputBudget(string backend) => backend == "llm-small"
        ? Settings.SmallContextTokens - Settings.PromptTokens - Settings.SmallMaxOutputTokens
        : Settings.ContextTokens - Settings.PromptTokens - Settings.MaxOutputTokens;

    public static async Task<LongArticleCluster> StartAsync(LongArticleClusterSettings? settings = null)
    {
        settings ??= new LongArticleClusterSettings();
        var tokens = TokenCounter.CreateO200k();
        var server = await LoopbackAnswers.StartServerAsync(tokens);
        var config = new Dictionary<string, string?>
        {
            ["Summarizer:Backend"] = "extractive",
            ["Summarizer:Backends:extractive:Provider"] = "Extractive",
            ["Summarizer:LongArticles:PromptTokens"] = Invariant(settings.PromptTokens),
            ["Summarizer:Limits:MaxChunks"] = Invariant(settings.MaxChunks),
            ["Summarizer:Limits:MaxArticleBytes"] = Invariant(settings.MaxArticleBytes),
        };
        Backend(config, "llm", "loopback-large", settings.ContextTokens, settings.MaxOutputTokens, server.Endpoint);
        Backend(config, "llm-small", "loopback-small", settings.SmallContextTokens, settings.SmallMaxOutputTokens, server.Endpoint);
        Backend(config, "llm-tight", "loopback-tight", settings.ContextTokens, settings.MaxOutputTokens, server.Endpoint);
        config["Summarizer:Backends:llm-tight:MaxConcurrency"] = "1";
        config["Summarizer:Backends:llm-tight:MaxQueue"] = "2";
        foreach (var (key, value) in settings.Configuration)
        {
            config[key] = value;
        }

        var builder = new InProcessTestClusterBuilder(settings.Silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(config);
            host.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Articles);
            silo.AddSummarizerGrains();
            silo.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new SiloHeaderHandler(options.SiloName)));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();

        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseUrls(LoopbackPorts.AnyPortUrl);
        web.Logging.ClearProviders();
        web.Configuration.AddInMemoryCollection(settings.Configuration);
        web.Services.AddSingleton<IGrainFactory>(cluster.Client);
        web.Services.AddSingleton(cluster.Client);
        web.Services.AddSummarizerApi();
        var api = web.Build();
        api.UseSummarizerApi();
        await api.StartAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = LoopbackPorts.BoundAddress(api), Timeout = TimeSpan.FromMinutes(2) };
        return new LongArticleCluster(server, cluster, api, http, tokens, settings, config);
    }

    /// <summary>A backend of the real <c>OpenAICompatible</c> provider (Semantic Kernel's OpenAI connector) pointed at the loopback server.</summary>
    private static void Backend(Dictionary<string, string?> config, string name, string model, int contextTokens, int maxOutputTokens, Uri endpoint)
    {
        var key = $"Summarizer:Backends:{name}:";
        config[key + "Provider"] = "OpenAICompatible";
        config[key + "Endpoint"] = endpoint.ToString();
        config[key + "Model"] = model;
        config[key + "ContextTokens"] = Invariant(contextTokens);
        config[key + "MaxOutputTokens"] = Invariant(maxOutputTokens);
        config[key + "MaxConcurrency"] = "64";
        config[key + "MaxQueue"] = "1000";
        config[key + "Retries"] = "0"; // a test counts calls; the loopback server never fails
    }

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.StopAsync();
        await Api.DisposeAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Server.DisposeAsync();
    }
}
