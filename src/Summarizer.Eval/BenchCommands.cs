using Summarizer.Contracts;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Spectre.Console;
using Summarizer.Eval.Bench;

namespace Summarizer.Eval;

/// <summary><c>bench</c> (BenchmarkDotNet) and <c>speed</c> (the same articles through npm lexrank, as a ratio).</summary>
internal static class BenchCommands
{
    public static Command Bench()
    {
        var articles = new Option<FileInfo?>("--articles") { Description = "PolNeAR-style JSONL the ~50 KB article is built from (default ../shared/data/eval/polnear_articles.jsonl)" };
        var command = new Command("bench", "BenchmarkDotNet: digest of the seed and of a ~50 KB article, with allocations (build with -c Release)") { articles };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(articles)?.FullName ?? BenchArticles.DefaultArticlesPath();
            Environment.SetEnvironmentVariable(DigestBenchmarks.ArticlesVariable, path);
            // In process: the machine is shared and small; a separate benchmark build would double the work.
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .WithArtifactsPath(Path.Combine(BenchArticles.RepositoryRoot(), "BenchmarkDotNet.Artifacts"));
            var summary = BenchmarkRunner.Run<DigestBenchmarks>(config);
            return summary.HasCriticalValidationErrors ? 1 : 0;
        });
        return command;
    }

    public static Command Speed()
    {
        var articles = new Option<FileInfo?>("--articles") { Description = "PolNeAR-style JSONL the ~50 KB article is built from" };
        var node = new Option<DirectoryInfo>("--node") { Description = "folder with summarize.mjs and node_modules (npm install done)", Required = true };
        var minMs = new Option<int>("--min-ms") { Description = "minimum measuring time per article and tool", DefaultValueFactory = _ => 2000 };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON" };
        var command = new Command("speed", "digest time vs npm lexrank on the same articles, in the same run, as a ratio") { articles, node, minMs, json };
        command.SetAction(parse => RunSpeed(parse.GetValue(articles)?.FullName ?? BenchArticles.DefaultArticlesPath(), parse.GetValue(node)!, parse.GetValue(minMs), parse.GetValue(json)));
        return command;
    }

    private static int RunSpeed(string articlesPath, DirectoryInfo nodeDir, int minMs, bool json)
    {
        var inputs = new[] { ("seed", BenchArticles.Seed()), ("50KB", BenchArticles.LongArticle(articlesPath)) };
        var pipeline = InProcessDigest.Create();
        foreach (var (_, text) in inputs)
        {
            WarmUp(pipeline, text); // every code path warm before any is timed
        }

        var ours = inputs.Select(a => (a.Item1, a.Item2.Length, Ms: TimeDigest(pipeline, a.Item2, minMs))).ToList();

        var input = Path.Combine(Path.GetTempPath(), $"summarizer-speed-{Environment.ProcessId}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(inputs.Select(a => new { name = a.Item1, text = a.Item2, sentences = 3 })));
        try
        {
            var psi = new ProcessStartInfo("node", [Path.Combine(nodeDir.FullName, "summarize.mjs"), input, minMs.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                WorkingDirectory = nodeDir.FullName,
            };
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"node exited with {process.ExitCode}");
                return 1;
            }

            using var doc = JsonDocument.Parse(output);
            var tool = doc.RootElement.GetProperty("tool").GetString();
            var nodeVersion = doc.RootElement.GetProperty("node").GetString();
            var theirs = doc.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("meanMs").GetDouble());
            var rows = ours.Select(o => new { article = o.Item1, chars = o.Length, summarizerMs = o.Ms, lexrankMs = theirs[o.Item1], ratio = theirs[o.Item1] / o.Ms }).ToList();
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { tool, node = nodeVersion, dotnet = Environment.Version.ToString(), rows }));
                return 0;
            }

            var table = new Table().AddColumns("article", "chars", "Summarizer digest (ms)", $"{tool} on node {nodeVersion} (ms)", "ratio");
            foreach (var r in rows)
            {
                table.AddRow(r.article, r.chars.ToString(CultureInfo.InvariantCulture), r.summarizerMs.ToString("0.000", CultureInfo.InvariantCulture),
                    r.lexrankMs.ToString("0.000", CultureInfo.InvariantCulture), r.ratio.ToString("0.0", CultureInfo.InvariantCulture) + "×");
            }

            AnsiConsole.Write(table);
            return 0;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private const int WarmUpMs = 3000;

    private const int Rounds = 5;

    /// <summary>
    /// Milliseconds per full digest: a fixed warm-up (tiered JIT needs seconds on a busy machine),
    /// then <see cref="Rounds"/> rounds of <paramref name="minMs"/>/rounds each; the median round.
    /// summarize.mjs measures lexrank the same way.
    /// </summary>
    private static void WarmUp(InProcessDigest pipeline, string text)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < WarmUpMs)
        {
            pipeline.Run(text, null, BriefLength.Short);
        }
    }

    private static double TimeDigest(InProcessDigest pipeline, string text, int minMs)
    {
        WarmUp(pipeline, text);

        var rounds = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var n = 0;
            var sw = Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < minMs / Rounds || n < 3)
            {
                pipeline.Run(text, null, BriefLength.Short);
                n++;
            }

            rounds[r] = sw.Elapsed.TotalMilliseconds / n;
        }

        Array.Sort(rounds);
        return rounds[Rounds / 2];
    }
}
