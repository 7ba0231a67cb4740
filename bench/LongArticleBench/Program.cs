using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Testing;
using Summarizer.Text;

// Usage: dotnet run -c Release --project bench/LongArticleBench -- [latencyMs=500] [runs=5] [chunks=20]
var latency = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500);
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var chunkCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;

await using var c = await LongArticleCluster.StartAsync(new LongArticleClusterSettings { MaxChunks = 1000 });
var chunker = new TokenChunker(c.Tokens);
var budget = c.InputBudget("llm");
c.Server.Latency = latency;
Console.WriteLine($"backend latency L = {latency.TotalMilliseconds} ms, {chunkCount} chunks of <= {budget} tokens, {c.Settings.Silos} silos, {runs} runs each");

// Warm-up: JIT, grain activations, connections (not measured).
await MapReduceAsync("warmup");

var mapReduce = new List<double>();
for (var i = 0; i < runs; i++)
{
    mapReduce.Add(await MapReduceAsync($"run{i}"));
}

var refine = new List<double>();
for (var i = 0; i < runs; i++)
{
    refine.Add(await RefineAsync($"refine{i}"));
}

Report("map-reduce over the cluster (HTTP GET /brief, fresh article)", mapReduce);
Report("sequential refine chain (same backend, one call after another)", refine);
return;

void Report(string name, List<double> ms)
{
    ms.Sort();
    var median = ms[ms.Count / 2];
    Console.WriteLine($"{name}: median {median:F0} ms = {median / latency.TotalMilliseconds:F2} L; min {ms[0]:F0} ms, max {ms[^1]:F0} ms");
}

async Task<double> MapReduceAsync(string seed)
{
    var text = LongArticleText.WithChunks(chunker, chunkCount, budget, 64, seed);
    using var stored = await c.Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
    var id = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
    var calls = c.Server.Calls.Count;
    var watch = Stopwatch.StartNew();
    using var response = await c.Http.GetAsync($"/v1/articles/{id}/brief?length=short&backend=llm");
    response.EnsureSuccessStatusCode();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    var made = c.Server.Calls.Count - calls;
    if (made != chunkCount + 1)
    {
        throw new InvalidOperationException($"expected {chunkCount + 1} backend calls, saw {made}");
    }

    return elapsed;
}

async Task<double> RefineAsync(string seed)
{
    // The refine pattern: summary_i = model(summary_{i-1} + chunk_i), then one final call for the brief.
    var text = LongArticleText.WithChunks(chunker, chunkCount, budget - 300, 64, seed);
    var chunks = chunker.Chunk(ArticleDocument.FromNormalized(text, null, null), budget - 300, 64);
    // The same configured backend the silos use (OpenAICompatible through Semantic Kernel).
    var backend = c.Cluster.Silos[0].ServiceProvider.GetRequiredService<IBackendCatalog>().Get("llm");
    var watch = Stopwatch.StartNew();
    var summary = "";
    foreach (var chunk in chunks)
    {
        var answer = await backend.SummarizeAsync(new SummaryRequest(summary + "\n\n" + chunk.Text, null, SummaryTarget.Map(5)), CancellationToken.None);
        summary = string.Join(' ', answer.Sentences);
    }

    await backend.SummarizeAsync(new SummaryRequest(summary, null, SummaryTarget.FinalReduce(BriefLength.Short)), CancellationToken.None);
    return watch.Elapsed.TotalMilliseconds;
}
