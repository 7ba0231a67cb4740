using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Summarizer.Contracts;
using Summarizer.Embeddings;

namespace Summarizer.Eval;

/// <summary>
/// <c>brief-speed</c>: the seed's digest p50/p90 with the default (lexical) extractive backend and with
/// one that ranks on all-MiniLM-L6-v2, plus what loading the model costs (time, process memory).
/// Every timed digest gets a one-line footer of its own ("Run 17.") so no kept brief answers it: the
/// in-process worker keeps briefs by text, as summarizer grains do, and a repeated text would time a lookup.
/// </summary>
internal static class BriefSpeedCommand
{
    public static Command Create()
    {
        var minMs = new Option<int>("--min-ms") { Description = "measuring time per case", DefaultValueFactory = _ => 3000 };
        var command = new Command("brief-speed", "seed digest p50/p90 without and with the MiniLM embedding model, and the model's load time and memory") { minMs };
        command.SetAction(parse => Run(parse.GetValue(minMs)));
        return command;
    }

    private static int Run(int minMs)
    {
        var seed = Bench.BenchArticles.Seed();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Summarizer:Backends:extractive:Provider"] = "Extractive",
            ["Summarizer:Backends:minilm:Provider"] = "Extractive",
            ["Summarizer:Backends:minilm:Embeddings"] = MiniLmSentenceEmbedder.Key,
        }).Build();
        var pipeline = InProcessDigest.Create(configuration);

        var lexical = Time(pipeline, seed, "extractive", minMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed digest, extractive (no model): p50 {lexical.P50:F3} ms, p90 {lexical.P90:F3} ms ({lexical.N} digests)"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var load = Stopwatch.StartNew();
        MiniLmSentenceEmbedder.Load();
        load.Stop();
        GC.Collect();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MiniLM load: {load.Elapsed.TotalMilliseconds:F0} ms, working set +{(process.WorkingSet64 - before) / 1048576.0:F0} MB (now {process.WorkingSet64 / 1048576.0:F0} MB)"));

        var embedded = Time(pipeline, seed, "minilm", minMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed digest, extractive + MiniLM: p50 {embedded.P50:F3} ms, p90 {embedded.P90:F3} ms ({embedded.N} digests)"));
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"working set after: {process.WorkingSet64 / 1048576.0:F0} MB"));
        return 0;
    }

    private static (double P50, double P90, int N) Time(InProcessDigest pipeline, string text, string backend, int minMs)
    {
        var run = 0;
        for (var i = 0; i < 5; i++)
        {
            pipeline.Run($"{text}\n\nRun {backend} {run++}.", null, BriefLength.Short, backend: backend);
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.ElapsedMilliseconds < minMs || times.Count < 20)
        {
            var unique = $"{text}\n\nRun {backend} {run++}.";
            var one = Stopwatch.StartNew();
            pipeline.Run(unique, null, BriefLength.Short, backend: backend);
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.9)], times.Count);
    }
}
