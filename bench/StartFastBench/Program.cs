using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Summarizer.Grains.Pipeline;
using Summarizer.Testing;
using Summarizer.Testing.ModelServers;
using Summarizer.Text;

// Usage:
//   profile [kb=100] [runs=5]                 where the time before the first model call goes
//   compare <latencyMs> <maxConcurrency> [runs=3] [langchainDir] [identical=20]
//                                             a cold 26-chunk brief here and through LangChain.js map_reduce
var mode = args.Length > 0 ? args[0] : "profile";
return mode switch
{
    "profile" => await Profile.RunAsync(Int(args, 1, 100), Int(args, 2, 5)),
    "compare" => await Compare.RunAsync(Int(args, 1, 1000), Int(args, 2, 4), Int(args, 3, 3), args.Length > 4 ? args[4] : null, Int(args, 5, 20)),
    _ => throw new ArgumentException($"unknown mode '{mode}' (profile | compare)"),
};

static int Int(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

/// <summary>The embedded silo (one process, the default mode) whose backend <c>llm</c> is the real OpenAI-compatible provider on a loopback model.</summary>
internal sealed class Bench : IAsyncDisposable
{
    public const int ContextTokens = 1650;
    public const int MaxOutputTokens = 256;
    public const int PromptTokens = 200;
    public const int InputTokens = ContextTokens - PromptTokens - MaxOutputTokens;

    private Bench(LoopbackModelServer server, RunningHost silo)
    {
        Server = server;
        Silo = silo;
    }

    public LoopbackModelServer Server { get; }

    public RunningHost Silo { get; }

    public static async Task<Bench> StartAsync(TimeSpan latency, int maxConcurrency)
    {
        var server = await ClusterHosts.StartFixedLatencyModelAsync(latency);
        // A short answer made of the prompt's first words (its chunk's district and item numbers): each
        // chunk gets its own summary, no reduce input repeats, and 26 summaries fit one reduce call.
        server.Responder = request => ShortAnswer(request.LastUserMessage);
        var silo = await EmbeddedSilo.StartAsync(
        [
            .. ClusterHosts.ModelBackendArgs(server.Endpoint, "loopback",
                $"ContextTokens={ContextTokens}", $"MaxOutputTokens={MaxOutputTokens}", $"MaxConcurrency={maxConcurrency}",
                "MaxQueue=1000", "Retries=0"),
            $"--Summarizer:LongArticles:PromptTokens={PromptTokens}",
            "--Summarizer:Limits:MaxChunks=1000",
        ]);
        silo.Http.Timeout = TimeSpan.FromMinutes(5);
        return new Bench(server, silo);
    }

    private static string ShortAnswer(string prompt)
    {
        var words = prompt.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsDigit)).Take(4);
        return $"The article covers {string.Join(' ', words)}.\nOfficials reviewed it.";
    }

    /// <summary>POST /v1/digests with the text; the time until the first model call arrived and until the answer, in ms.</summary>
    public async Task<(double FirstCall, double Total, int Calls)> DigestAsync(string text)
    {
        Server.Reset();
        var started = Stopwatch.GetTimestamp();
        using var response = await Silo.Http.PostAsJsonAsync("/v1/digests", new { text, length = "short", maxQuotes = 3, backend = "model" });
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return (Since(started, Server.Arrivals[0]), total, Server.Calls.Count);
    }

    /// <summary>GET the brief of a stored article.</summary>
    public async Task<(double FirstCall, double Total, int Calls)> BriefAsync(string id)
    {
        Server.Reset();
        var started = Stopwatch.GetTimestamp();
        using var response = await Silo.Http.GetAsync($"/v1/articles/{id}/brief?length=short&backend=model");
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return (Since(started, Server.Arrivals[0]), total, Server.Calls.Count);
    }

    public async Task<string> StoreAsync(string text)
    {
        using var response = await Silo.Http.PostAsync("/v1/articles", new StringContent(text, System.Text.Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static double Since(long start, long end) => (end - start) * 1000.0 / Stopwatch.Frequency;

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Server.DisposeAsync();
    }
}

internal static class Profile
{
    public static async Task<int> RunAsync(int kb, int runs)
    {
        Console.WriteLine($"profile: ~{kb} KB synthetic article, embedded silo, backend model (context {Bench.ContextTokens}, input {Bench.InputTokens} tokens), model latency 200 ms");
        // Articles made without the tokenizer, so the silo's first brief is as cold as a fresh process's.
        var articles = Enumerable.Range(0, runs + 2).Select(i => LongArticleText.OfSize(kb * 1000, $"p{i}")).ToList();
        if (Environment.GetEnvironmentVariable("SKIP_SILO") is null)
    await using (var bench = await Bench.StartAsync(TimeSpan.FromMilliseconds(200), 64))
        {
            var first = await bench.DigestAsync(articles[0]);
            Console.WriteLine($"POST /v1/digests, first in the process: first model call after {first.FirstCall:F0} ms; brief in {first.Total:F0} ms; {first.Calls} calls");
            var digests = new List<double>();
            for (var i = 1; i <= runs; i++)
            {
                digests.Add((await bench.DigestAsync(articles[i])).FirstCall);
            }

            Console.WriteLine($"POST /v1/digests, fresh article, warm process: first model call after {Median(digests):F1} ms (median of {runs}; {string.Join(", ", digests.Select(d => d.ToString("F0")))})");
            var id = await bench.StoreAsync(articles[^1]);
            var brief = await bench.BriefAsync(id);
            Console.WriteLine($"GET brief of a stored article: first model call after {brief.FirstCall:F1} ms");
        }

        // The pipeline's stages on their own (warm: each measured after a first run).
        var text = LongArticleText.OfSize(kb * 1000, "stages");
        var started = Stopwatch.GetTimestamp();
        var tokens = TokenCounter.CreateO200k();
        Console.WriteLine($"stage TokenCounter.CreateO200k: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms (once per process)");
        var chunker = new TokenChunker(tokens);
        var raw = text.Replace("\n\n", "\r\n\r\n", StringComparison.Ordinal);
        Stage("ArticleNormalizer.Normalize", runs, () => ArticleNormalizer.Normalize(raw));
        Stage("ArticleId.Compute", runs, () => ArticleId.Compute(text));
        var document = ArticleDocument.FromNormalized(text, null, null);
        Stage("ArticleDocument.FromNormalized", runs, () => ArticleDocument.FromNormalized(text, null, null));
        Stage("KeyQuoteDigester.Extract", runs, () => KeyQuoteDigester.Extract(document));
        Stage("TokenCounter.Count(whole text)", runs, () => tokens.Count(text));
        Stage("TokenCounter.Count(each sentence)", runs, () => document.Sentences.Sum(x => tokens.Count(x.Slice(text))));
        var chunks = chunker.Chunk(document, Bench.InputTokens, 64);
        Stage("TokenCounter.Count(each chunk)", runs, () => chunks.Sum(c => tokens.Count(c.Text)));
        Stage($"TokenChunker.Chunk({Bench.InputTokens})", runs, () => chunker.Chunk(document, Bench.InputTokens, 64));
        Console.WriteLine($"  ({text.Length} chars, {document.Sentences.Count} sentences, {tokens.Count(text)} tokens, {chunker.Chunk(document, Bench.InputTokens, 64).Count} chunks)");
        return 0;
    }

    private static void Stage(string name, int runs, Func<object> stage)
    {
        var first = Stopwatch.GetTimestamp();
        stage();
        var cold = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            stage();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Console.WriteLine($"stage {name}: first {cold:F1} ms, then median {Median(times):F2} ms");
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
