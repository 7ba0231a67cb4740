using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Summarizer.Eval.Fuzz;
using Summarizer.Eval.HttpFuzz;

namespace Summarizer.Eval;

/// <summary><c>http-fuzz</c>: hostile and malformed requests against a running service; exit 1 when any breaks a promise (deploy/http-fuzz.sh runs it in CI).</summary>
internal static class HttpFuzzCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "base URL of the running service", Required = true };
        var requests = new Option<int>("--requests") { Description = "number of fuzz requests", DefaultValueFactory = _ => 2400 };
        var seed = new Option<int>("--seed") { Description = "seed; case i of seed s is the same request everywhere", DefaultValueFactory = _ => 1 };
        var only = new Option<int?>("--only") { Description = "run only this case index (to reproduce a failure)" };
        var corpus = new Option<FileInfo>("--corpus") { Description = "JSON Lines seed articles (id, article)", DefaultValueFactory = _ => new FileInfo("tests/Summarizer.Eval.Tests/Corpus/articles.jsonl") };
        var timeout = new Option<int>("--timeout") { Description = "seconds one request may take before it counts as a hang", DefaultValueFactory = _ => 60 };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight at once", DefaultValueFactory = _ => 4 };
        var command = new Command("http-fuzz", "hostile and malformed HTTP requests plus mutated real articles against a running service: no 5xx, no hang, every error problem+json, stored articles unchanged, refused URLs never connected")
        {
            url, requests, seed, only, corpus, timeout, concurrency,
        };
        command.SetAction((parse, ct) => RunAsync(new Uri(parse.GetValue(url)!, UriKind.Absolute), parse.GetValue(requests), parse.GetValue(seed), parse.GetValue(only), parse.GetValue(corpus)!,
            TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(concurrency), ct));
        return command;
    }

    private static async Task<int> RunAsync(Uri url, int requests, int seed, int? only, FileInfo corpus, TimeSpan timeout, int concurrency, CancellationToken cancellationToken)
    {
        if (!corpus.Exists)
        {
            Console.Error.WriteLine($"No seed corpus at {corpus.FullName}: pass --corpus.");
            return 2;
        }

        var articles = EvalCorpus.LoadFile(corpus.FullName);
        var clock = Stopwatch.StartNew();
        var report = await new HttpFuzzRun(url, timeout, Math.Max(1, concurrency)).RunAsync(seed, requests, only, articles,
            done => { if (done % 250 == 0) { Console.Error.WriteLine($"http-fuzz: {done} requests"); } }, cancellationToken);
        clock.Stop();

        foreach (var failure in report.Failures.Take(40))
        {
            Console.WriteLine(failure);
        }

        var fourxx = string.Join(", ", report.ByStatus.Where(kv => kv.Key is >= 400 and < 500).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http-fuzz: {report.Requests} requests (seed {seed}, {articles.Count} seed articles, {string.Join(", ", report.ByKind.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"))}) + {report.FollowUpReads} quote checks in {clock.Elapsed.TotalSeconds:0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http-fuzz: 2xx {report.Count(s => s is >= 200 and < 300)}, 3xx {report.Count(s => s is >= 300 and < 400)}, 4xx {report.Count(s => s is >= 400 and < 500)} ({fourxx}), 5xx {report.Count(s => s >= 500)} (besides 505 to an unknown HTTP version {report.VersionNotSupported}), closed without an answer {report.Closed}; stored articles unchanged {report.StoredChecked - report.StoredChanged}/{report.StoredChecked}; canary connections {report.CanaryConnections}; failures {report.Failures.Count}"));
        return report.Failures.IsEmpty ? 0 : 1;
    }
}
