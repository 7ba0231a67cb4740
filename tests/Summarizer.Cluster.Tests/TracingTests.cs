using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.Runtime;
using Summarizer.Contracts;
using Summarizer.Testing.ModelServers;
using Summarizer.Text;

namespace Summarizer.Cluster.Tests;

/// <summary>
/// One trace across the real hosts: a gateway (Orleans client) and two silos in Redis mode, the
/// production wiring (<c>SummarizerGateway.Build</c>, <c>SummarizerSilo.Build</c>), a real model
/// backend (Semantic Kernel's OpenAI connector) against the loopback model server. Spans are
/// collected by OpenTelemetry's in-memory exporter.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class TracingTests(RedisServerFixture redis)
{
    private const int Chunks = 10;
    private const int ContextTokens = 1024;
    private const int MaxOutputTokens = 128;
    private const int PromptTokens = 200;

    [Fact]
    public async Task One_trace_runs_from_the_gateway_http_span_to_the_model_call_of_a_map_step_on_the_other_silo()
    {
        var tokens = TokenCounter.CreateO200k();
        await using var model = await LoopbackAnswers.StartServerAsync(tokens);
        model.Latency = TimeSpan.Zero;
        var hosts = new ClusterHosts(redis.ConnectionString);
        string[] backend =
        [
            .. ClusterHosts.ModelBackendArgs(model.Endpoint, "loopback-trace",
                $"ContextTokens={ContextTokens}", $"MaxOutputTokens={MaxOutputTokens}", "MaxConcurrency=64", "MaxQueue=1000", "Retries=0"),
            $"--Summarizer:LongArticles:PromptTokens={PromptTokens}",
        ];
        await using var a = await hosts.StartSiloAsync(b => NameModelCalls(b, "A"), backend);
        await using var b = await hosts.StartSiloAsync(b => NameModelCalls(b, "B"), backend);

        // Only the gateway exports: its tracer provider sees every span of this process (all three hosts).
        var spans = new SpanList();
        await using var gateway = await hosts.StartGatewayAsync(g => g.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        await Eventually.TrueAsync(async () => await ClusterHosts.ActiveSilosAsync(gateway.Http) == 2, TimeSpan.FromSeconds(60));

        var text = LongArticleText.WithChunks(new TokenChunker(tokens), Chunks, ContextTokens - PromptTokens - MaxOutputTokens, 64, hosts.ClusterId);
        using (var stored = await gateway.Http.PostAsJsonAsync(new Uri("/v1/articles", UriKind.Relative), new { text }))
        {
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }

        var id = ArticleId.Compute(text);
        var path = $"/v1/articles/{id}/brief";
        using (var brief = await gateway.Http.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, brief.StatusCode);
            var body = await brief.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("model", body.GetProperty("backend").GetProperty("name").GetString());
        }

        // The gateway's HTTP server span ends after the response: wait for it.
        Activity? http = null;
        await Eventually.TrueAsync(() => Task.FromResult((http = spans.Snapshot().FirstOrDefault(s =>
            s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore" && Equals(s.GetTagItem("url.path"), path))) is not null), TimeSpan.FromSeconds(10));
        var trace = http!.TraceId;
        Assert.Equal(id, http.GetTagItem(TelemetryTags.ArticleId));

        // Which silo holds the article grain; the map steps the other silo ran are the ones that crossed a silo.
        var management = gateway.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var articleSilo = await management.GetActivationAddress(gateway.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IArticleGrain>(id));
        Assert.NotNull(articleSilo);
        var other = SiloAddressOf(a) == articleSilo ? "B" : "A";
        Assert.Equal(articleSilo, SiloAddressOf(other == "A" ? b : a));

        var maps = model.Requests.Where(r => LoopbackAnswers.KindOf(r.Body) == "Map").ToList();
        Assert.Equal(Chunks, maps.Count);
        Assert.All(maps, r => Assert.Equal(trace, TraceIdOf(r)));
        var crossed = maps.Where(r => r.Headers(SiloHeaderHandler.Header) == other).ToList();
        Assert.NotEmpty(crossed); // RandomPlacement: all 10 on the article's silo has odds of 1 in 1024

        // Walk up from the model call's HTTP client span (its id is the traceparent's parent id) to the gateway's HTTP span.
        await Eventually.TrueAsync(() => Task.FromResult(spans.Snapshot().Count(s => s.TraceId == trace && s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http") >= Chunks), TimeSpan.FromSeconds(10));
        var byId = spans.Snapshot().Where(s => s.TraceId == trace).GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        foreach (var call in crossed)
        {
            var chain = Ancestors(byId, ParentSpanIdOf(call)).ToList();
            Assert.Contains(chain, s => s.SpanId == http.SpanId);
            Assert.Contains(chain, s => s.Source.Name == "Microsoft.SemanticKernel.Diagnostics" && Equals(s.GetTagItem("gen_ai.request.model"), "loopback-trace"));
            Assert.Contains(chain, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("ISummarizerGrain", StringComparison.Ordinal)
                && Equals(s.GetTagItem(TelemetryTags.WorkKind), "map"));
            var map = Assert.Single(chain, s => s.OperationName == "summarizer.map");
            Assert.Equal(id, map.GetTagItem(TelemetryTags.ArticleId));
            Assert.Equal("model", map.GetTagItem(TelemetryTags.Backend));
            Assert.IsType<int>(map.GetTagItem(TelemetryTags.ChunkIndex));
            Assert.NotNull(map.GetTagItem(TelemetryTags.Spec));
            Assert.Contains(chain, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("IArticleGrain", StringComparison.Ordinal));
            Assert.Contains(chain, s => s.Kind == ActivityKind.Client && s.DisplayName.Contains("IArticleGrain", StringComparison.Ordinal));
        }

        // Every chunk's map step is a span of this trace, each with its own chunk index.
        var indexes = byId.Values.Where(s => s.OperationName == "summarizer.map").Select(s => (int)s.GetTagItem(TelemetryTags.ChunkIndex)!).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Chunks), indexes);
    }

    /// <summary>The model server learns which silo made each call (<see cref="SiloHeaderHandler"/>).</summary>
    private static void NameModelCalls(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder, string silo) =>
        builder.Services.ConfigureHttpClientDefaults(h => h.AddHttpMessageHandler(() => new SiloHeaderHandler(silo)));

    private static SiloAddress SiloAddressOf(RunningHost silo) => silo.App.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static string[] TraceParent(RecordedRequest request) =>
        (request.Headers("traceparent") ?? throw new InvalidOperationException("A model call without a traceparent header.")).Split('-');

    private static ActivityTraceId TraceIdOf(RecordedRequest request) => ActivityTraceId.CreateFromString(TraceParent(request)[1]);

    private static ActivitySpanId ParentSpanIdOf(RecordedRequest request) => ActivitySpanId.CreateFromString(TraceParent(request)[2]);

    /// <summary>The span <paramref name="id"/> and its parents up to the first whose parent is not in this trace's spans.</summary>
    private static IEnumerable<Activity> Ancestors(Dictionary<ActivitySpanId, Activity> byId, ActivitySpanId id)
    {
        while (byId.TryGetValue(id, out var span))
        {
            yield return span;
            id = span.ParentSpanId;
        }
    }

    /// <summary>The exporter's collection, safe to read while the exporter adds to it.</summary>
    private sealed class SpanList : ICollection<Activity>
    {
        private readonly List<Activity> _items = [];

        public int Count { get { lock (_items) { return _items.Count; } } }

        public bool IsReadOnly => false;

        public List<Activity> Snapshot() { lock (_items) { return [.. _items]; } }

        public void Add(Activity item) { lock (_items) { _items.Add(item); } }

        public void Clear() { lock (_items) { _items.Clear(); } }

        public bool Contains(Activity item) { lock (_items) { return _items.Contains(item); } }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }

        public bool Remove(Activity item) { lock (_items) { return _items.Remove(item); } }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
