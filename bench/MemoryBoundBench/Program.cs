using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Summarizer.Testing;

// Usage: dotnet run -c Release --project bench/MemoryBoundBench -- [count=10000] [every=1000] [route=digests|articles]
//        [collectionAge=00:00:20] [concurrency=4] [data=../shared/data/eval]
// Posts `count` distinct small articles (paragraphs of the eval articles, each with a numbered
// line of its own) over HTTP to the real embedded silo (SQLite storage in a temp directory, idle
// grains collected after `collectionAge`), and every `every` articles prints the managed heap
// after a full blocking compacting GC, the process working set, the article activations and the
// size of the SQLite files. Bounded memory shows as a plateau, not a line.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var every = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var route = args.Length > 2 ? args[2] : "digests";
var collectionAge = args.Length > 3 ? TimeSpan.Parse(args[3], CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(20);
var concurrency = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 4;
var dataDir = args.Length > 5 ? args[5] : FindEvalData();
if (route is not ("digests" or "articles"))
{
    Console.Error.WriteLine("route must be digests or articles");
    return 2;
}

var bases = LoadSmallArticles(dataDir);
Console.WriteLine($"{bases.Count} base texts from {dataDir} (mean {bases.Average(b => b.Length):F0} chars); {count} articles to POST /v1/{route}, {concurrency} at a time; " +
    $"Orleans:GrainCollection:CollectionAge={collectionAge}; server GC {System.Runtime.GCSettings.IsServerGC}; {Environment.ProcessorCount} cores");

var quantum = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, collectionAge.Ticks / 4));
await using var host = await EmbeddedSilo.StartAsync(
    $"--Orleans:GrainCollection:CollectionAge={collectionAge.ToString("c", CultureInfo.InvariantCulture)}",
    $"--Orleans:GrainCollection:CollectionQuantum={quantum.ToString("c", CultureInfo.InvariantCulture)}");
var dataPath = host.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Summarizer:Storage:Path"]!;
var management = host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

Console.WriteLine();
Console.WriteLine("| articles stored | managed heap after full GC (MB) | working set (MB) | article activations | SQLite files (MB) | elapsed (s) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
var clock = Stopwatch.StartNew();
await Sample(0);
var next = 0;
var failures = 0;
for (var done = 0; done < count;)
{
    var batch = Math.Min(every, count - done);
    await Parallel.ForAsync(0, batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
    {
        var i = Interlocked.Increment(ref next) - 1;
        using var response = await host.Http.PostAsync($"/v1/{route}", new StringContent(Article(i), Encoding.UTF8, "text/plain"), ct);
        if (!response.IsSuccessStatusCode)
        {
            if (Interlocked.Increment(ref failures) <= 5)
            {
                Console.Error.WriteLine($"article {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
    });
    done += batch;
    await Sample(done);
}

// Idle for two collection ages: what stays is what the silo keeps for good.
await Task.Delay(collectionAge * 2 + quantum);
await Sample(count, "after idle");
Console.WriteLine();
Console.WriteLine($"failed requests: {failures} of {count}");
return failures == 0 ? 0 : 1;

async Task Sample(int stored, string? note = null)
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var heap = GC.GetTotalMemory(forceFullCollection: false);
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var activations = (await management.GetSimpleGrainStatistics())
        .Where(s => s.GrainType.Contains("ArticleGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    var files = Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {stored:N0}{(note is null ? "" : $" ({note})")} | {heap / 1048576.0:F1} | {process.WorkingSet64 / 1048576.0:F1} | {activations} | {files / 1048576.0:F1} | {clock.Elapsed.TotalSeconds:F0} |"));
}

// Article i: a base text chosen by i, with a numbered closing line, so every article is distinct.
string Article(int i) =>
    $"{bases[i % bases.Count]}\n\nThis report was filed as item {i.ToString(CultureInfo.InvariantCulture)} of the series, the editors said on Monday.";

static List<string> LoadSmallArticles(string dir)
{
    // The first paragraphs (up to ~1,200 characters) of every eval article: small real articles.
    var texts = new List<string>();
    foreach (var file in Directory.EnumerateFiles(dir, "*.jsonl").Order(StringComparer.Ordinal))
    {
        foreach (var line in File.ReadLines(file))
        {
            using var doc = JsonDocument.Parse(line);
            if (!doc.RootElement.TryGetProperty("article", out var article) || article.GetString() is not { Length: > 0 } text)
            {
                continue;
            }

            var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var small = new StringBuilder();
            foreach (var p in paragraphs)
            {
                if (small.Length > 0 && small.Length + p.Length > 1200)
                {
                    break;
                }

                small.Append(small.Length == 0 ? "" : "\n\n").Append(p);
            }

            if (small.Length >= 200)
            {
                texts.Add(small.ToString());
            }
        }
    }

    return texts.Count > 0 ? texts : throw new InvalidOperationException($"no articles in {dir}/*.jsonl");
}

static string FindEvalData()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "data", "eval");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return Path.GetFullPath("../shared/data/eval");
}
