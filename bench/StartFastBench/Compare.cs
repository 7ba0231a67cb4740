using System.Diagnostics;
using System.Text.Json;
using Summarizer.Testing;
using Summarizer.Text;

/// <summary>
/// A cold long brief (a fresh ~90 KB article of 26 chunks, already stored; GET its brief) on the
/// embedded silo, then LangChain.js map_reduce over the same 26 chunks, both against one loopback
/// model server that answers every call after L. Counts the calls each makes, and checks for duplicates.
/// </summary>
internal static class Compare
{
    private const int Chunks = 26;
    private const int Overlap = 64;

    public static async Task<int> RunAsync(int latencyMs, int maxConcurrency, int runs, string? langchainDir, int identical)
    {
        var latency = TimeSpan.FromMilliseconds(latencyMs);
        var tokens = TokenCounter.CreateO200k();
        var chunker = new TokenChunker(tokens);
        string Article(string seed) => LongArticleText.WithChunks(chunker, Chunks, Bench.InputTokens, Overlap, seed);
        var articles = Enumerable.Range(0, runs).Select(r => Article($"c{latencyMs}-{maxConcurrency}-{r}")).ToList();
        var sample = articles[0];
        Console.WriteLine($"compare: L = {latencyMs} ms, Summarizer MaxConcurrency {maxConcurrency} (embedded silo), {Chunks} chunks of <= {Bench.InputTokens} tokens, ~{sample.Length / 1000} KB article, {runs} runs");

        await using var bench = await Bench.StartAsync(latency, maxConcurrency);
        var server = bench.Server;

        // Ours: warm-up article (not measured), then each fresh article stored and its brief asked for.
        var warm = await bench.StoreAsync(Article("warmup"));
        await bench.BriefAsync(warm);
        var ours = new List<(double FirstCall, double Total)>();
        for (var r = 0; r < runs; r++)
        {
            var id = await bench.StoreAsync(articles[r]);
            var (first, total, calls) = await bench.BriefAsync(id);
            var distinct = server.Requests.TakeLast(calls).Select(q => q.Body).Distinct().Count();
            Console.WriteLine($"  summarizer run {r}: first model call after {first:F1} ms, brief in {total:F0} ms = {total / latencyMs:F2} L; {calls} calls ({distinct} distinct)");
            ours.Add((first, total));
        }

        var shared = await bench.StoreAsync(Article("identical"));
        server.Reset();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, identical).Select(_ => bench.Silo.Http.GetAsync($"/v1/articles/{shared}/brief?length=short&backend=model")));
        var identicalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var identicalCalls = server.Calls.Count;
        Console.WriteLine($"  summarizer, {identical} identical concurrent requests: {identicalCalls} calls, all answered in {identicalMs:F0} ms");
        Summary("Summarizer", latencyMs, ours);

        if (langchainDir is null)
        {
            return 0;
        }

        langchainDir = Path.GetFullPath(langchainDir);
        // LangChain.js: the same chunk texts our planner made for each article (one node process, one warm-up run).
        List<string> ChunkTexts(string text) => [.. chunker.Chunk(ArticleDocument.FromNormalized(text, null, null), Bench.InputTokens, Overlap).Select(c => c.Text)];
        var input = Path.Combine(Path.GetTempPath(), $"langchain-chunks-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new
        {
            warmup = ChunkTexts(Article("lc-warmup")),
            runs = articles.Select(ChunkTexts).ToList(),
            identical = ChunkTexts(Article("lc-identical")),
        }));
        foreach (var concurrency in new[] { "default", maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            server.Reset();
            var before = server.Requests.Count;
            var lines = await NodeAsync(langchainDir, [server.Endpoint.ToString(), input, runs.ToString(System.Globalization.CultureInfo.InvariantCulture), concurrency, identical.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var theirs = new List<(double FirstCall, double Total)>();
            foreach (var line in lines)
            {
                var e = JsonDocument.Parse(line).RootElement;
                var (first, total, calls) = (e.GetProperty("firstCallMs").GetDouble(), e.GetProperty("totalMs").GetDouble(), e.GetProperty("calls").GetInt32());
                if (e.GetProperty("kind").GetString() == "cold")
                {
                    Console.WriteLine($"  langchain (maxConcurrency {concurrency}) run {e.GetProperty("run").GetInt32()}: first model call after {first:F1} ms, summary in {total:F0} ms = {total / latencyMs:F2} L; {calls} calls");
                    theirs.Add((first, total));
                }
                else
                {
                    Console.WriteLine($"  langchain (maxConcurrency {concurrency}), {identical} identical concurrent requests: {calls} calls, all answered in {total:F0} ms");
                }
            }

            var bodies = server.Requests.Skip(before).Select(q => q.Body).ToList();
            Console.WriteLine($"  langchain (maxConcurrency {concurrency}): the server saw {bodies.Count} requests ({bodies.Distinct().Count()} distinct bodies) over the warm-up, the runs and the identical requests");
            Summary($"LangChain.js (maxConcurrency {concurrency})", latencyMs, theirs);
        }

        File.Delete(input);
        return 0;
    }

    private static void Summary(string who, int latencyMs, List<(double FirstCall, double Total)> runs)
    {
        var first = Profile.Median([.. runs.Select(r => r.FirstCall)]);
        var total = Profile.Median([.. runs.Select(r => r.Total)]);
        Console.WriteLine($"{who}: median first model call after {first:F1} ms; median total {total:F0} ms = {total / latencyMs:F2} L");
    }

    private static async Task<List<string>> NodeAsync(string dir, string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        start.ArgumentList.Add(Path.Combine(dir, "map-reduce.mjs"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var node = Process.Start(start)!;
        var stderr = node.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (await node.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{'))
            {
                lines.Add(line);
            }
        }

        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"node exited {node.ExitCode}: {await stderr}");
        }

        return lines;
    }
}
