using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Summarizer.Testing;

// Usage: dotnet run -c Release --project bench/CollectionBench -- [latencyMs=500] [runs=5] [articles=20]
// A fresh collection of N short articles (texts, stored by the POST) through the LLM backend: the
// time from POST /v1/collections to the digest of GET /v1/collections/{id}, in units of the model's
// latency L. The critical path is one brief (with the quote choice beside it) per article, all in
// parallel, then one combine call: about 2 L plus the cluster's own time.
var latency = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500);
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;

await using var c = await LongArticleCluster.StartAsync();
c.Server.Latency = latency;
Console.WriteLine($"backend latency L = {latency.TotalMilliseconds} ms, {count} articles per collection, {c.Settings.Silos} silos, MaxConcurrency 64 per silo, {runs} runs");

await CollectionAsync("warmup"); // JIT, activations, connections (not measured)
var times = new List<double>();
for (var i = 0; i < runs; i++)
{
    times.Add(await CollectionAsync($"run{i}"));
}

times.Sort();
var median = times[times.Count / 2];
Console.WriteLine($"collection of {count} (POST + GET digest): median {median:F0} ms = {median / latency.TotalMilliseconds:F2} L; min {times[0]:F0} ms, max {times[^1]:F0} ms");
return;

async Task<double> CollectionAsync(string seed)
{
    var articles = Enumerable.Range(0, count).Select(i => new
    {
        text = $"date 2024-03-{1 + (i % 28):00}\n\nOutlet {i} reports ({seed}): the council of the river town voted on Monday to close the old bridge for repairs. " +
            $"\"We had no choice once the engineers found the cracks,\" said Mayor Ann Fox {seed}. The works will take {i + 2} weeks, and buses will stop at the market instead.",
    }).ToArray();
    var calls = c.Server.Calls.Count;
    var watch = Stopwatch.StartNew();
    using var created = await c.Http.PostAsJsonAsync("/v1/collections", new { articles, backend = "llm" });
    created.EnsureSuccessStatusCode();
    using var digest = await c.Http.GetAsync(created.Headers.Location);
    digest.EnsureSuccessStatusCode();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    var body = await digest.Content.ReadFromJsonAsync<JsonElement>();
    var briefed = body.GetProperty("articles").EnumerateArray().Count(a => a.GetProperty("brief").ValueKind == JsonValueKind.Object);
    if (briefed != count)
    {
        throw new InvalidOperationException($"{briefed} of {count} articles briefed");
    }

    Console.WriteLine($"  {seed}: {elapsed:F0} ms = {elapsed / latency.TotalMilliseconds:F2} L, {c.Server.Calls.Count - calls} model calls");
    return elapsed;
}
