using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Summarizer.Testing;
using Summarizer.Testing.ModelServers;
using Summarizer.Text;

namespace Summarizer.LongArticles.Tests;

/// <summary>
/// Long articles end to end: HTTP API → 3-silo cluster → loopback OpenAI-protocol server. Every
/// test uses its own article (a seed), so the cluster-wide caches of one test never answer another.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LongArticleTests(ClusterFixture fixture)
{
    private const int Overlap = 64;
    private readonly LongArticleCluster _c = fixture.Cluster;

    private LoopbackModelServer Server => _c.Server;

    [Fact]
    public async Task A_20_chunk_article_makes_exactly_one_call_per_chunk_plus_the_reduce()
    {
        Server.Latency = TimeSpan.FromMilliseconds(50);
        var id = await StoreAsync(Article(20, "llm", "twenty"));
        var before = Server.Calls.Count;

        var brief = await GetBriefAsync(id, "short", "llm");

        var calls = Server.Calls.Skip(before).ToList();
        Assert.Equal(20, calls.Count(c => c.Kind == "Map"));
        Assert.Equal(1, calls.Count(c => c.Kind == "Reduce"));
        Assert.Equal(21, calls.Count);
        Assert.False(brief.GetProperty("cached").GetBoolean());
        Assert.NotEmpty(brief.GetProperty("brief").GetString()!);

        // Asked again: nothing is computed, and the response says so.
        var again = await GetBriefAsync(id, "short", "llm");
        Assert.True(again.GetProperty("cached").GetBoolean());
        Assert.Equal(brief.GetProperty("brief").GetString(), again.GetProperty("brief").GetString());
        Assert.Equal(21, Server.Calls.Count - before);
    }

    [Fact]
    public async Task A_hundred_concurrent_identical_requests_over_http_make_the_calls_of_one()
    {
        Server.Latency = TimeSpan.FromMilliseconds(200);
        var id = await StoreAsync(Article(20, "llm", "hundred"));
        var before = Server.Calls.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _c.Http.GetAsync($"/v1/articles/{id}/brief?length=short&backend=llm")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var briefs = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("brief").GetString()));
        Assert.Single(briefs.Distinct());
        Assert.Equal(21, Server.Calls.Count - before);
    }

    [Fact]
    public async Task The_map_step_runs_on_more_than_one_silo()
    {
        Server.Latency = TimeSpan.FromMilliseconds(50);
        var id = await StoreAsync(Article(20, "llm", "silos"));
        var before = Server.Calls.Count;

        await GetBriefAsync(id, "short", "llm");

        var silos = Server.Calls.Skip(before).Where(c => c.Kind == "Map").Select(c => c.Silo).Distinct().ToList();
        Assert.DoesNotContain("unknown", silos);
        Assert.True(silos.Count > 1, $"map calls ran on {string.Join(", ", silos)} only");
    }

    [Fact]
    public async Task A_second_length_preset_reuses_the_chunk_summaries()
    {
        Server.Latency = TimeSpan.FromMilliseconds(50);
        var id = await StoreAsync(Article(20, "llm", "presets"));
        await GetBriefAsync(id, "short", "llm");
        var before = Server.Calls.Count;

        var medium = await GetBriefAsync(id, "medium", "llm");

        var calls = Server.Calls.Skip(before).ToList();
        Assert.Equal(0, calls.Count(c => c.Kind == "Map"));
        Assert.Equal(1, calls.Count(c => c.Kind == "Reduce"));
        Assert.False(medium.GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task A_chunk_shared_by_two_articles_is_summarised_once()
    {
        Server.Latency = TimeSpan.FromMilliseconds(20);
        var first = Article(20, "llm", "shared");
        var second = ArticleDocument.Parse(first + "\n\nA closing paragraph only the second article has. It adds two sentences.").Text;
        await GetBriefAsync(await StoreAsync(first), "short", "llm");
        var chunksOfFirst = Chunks(first, "llm").Select(c => c.Text).ToHashSet();
        var newChunks = Chunks(second, "llm").Count(c => !chunksOfFirst.Contains(c.Text));
        var before = Server.Calls.Count;

        await GetBriefAsync(await StoreAsync(second), "short", "llm");

        var calls = Server.Calls.Skip(before).ToList();
        Assert.InRange(newChunks, 1, 2);
        Assert.Equal(newChunks, calls.Count(c => c.Kind == "Map"));
        Assert.Equal(1, calls.Count(c => c.Kind == "Reduce"));
    }

    [Fact]
    public async Task Reduce_inputs_never_exceed_the_context_however_long_the_article()
    {
        Server.Latency = TimeSpan.FromMilliseconds(10);
        var id = await StoreAsync(Article(50, "llm-small", "levels"));
        var before = Server.Calls.Count;

        var events = await ReadStreamAsync(id, "short", "llm-small");

        var calls = Server.Calls.Skip(before).ToList();
        var limit = _c.Settings.SmallContextTokens - _c.Settings.SmallMaxOutputTokens;
        Assert.Equal(50, calls.Count(c => c.Kind == "Map"));
        Assert.All(calls, c => Assert.True(c.PromptTokens <= limit, $"{c.Kind} prompt of {c.PromptTokens} tokens > {limit}"));
        var levels = events.Where(e => e.Name == "progress" && e.Data.GetProperty("stage").GetString() == "reduce")
            .Select(e => e.Data.GetProperty("level").GetInt32()).Distinct().Count();
        Assert.True(levels >= 2, $"expected a hierarchical reduce, saw {levels} level(s)");
        Assert.Equal("result", events[^1].Name);
    }

    [Fact]
    public async Task A_long_article_never_overflows_the_backend_queue()
    {
        // llm-tight takes 1 call + 2 queued per silo; 40 map calls fired at once would be refused (503).
        Server.Latency = TimeSpan.FromMilliseconds(20);
        var id = await StoreAsync(Article(40, "llm-tight", "tight"));
        Server.Reset();

        var brief = await GetBriefAsync(id, "short", "llm-tight");

        Assert.False(brief.GetProperty("degraded").GetBoolean());
        Assert.Equal(40, Server.Calls.Count(c => c.Kind == "Map"));
        Assert.True(Server.MaxInFlight <= 3, $"{Server.MaxInFlight} calls at once; one silo takes 1 running + 2 queued");
    }

    [Fact]
    public async Task The_extractive_backend_stays_single_pass()
    {
        var id = await StoreAsync(Article(20, "llm", "extractive"));
        var before = Server.Started;

        var brief = await GetBriefAsync(id, "short", "extractive");

        Assert.Equal(3, brief.GetProperty("sentences").GetArrayLength());
        Assert.Equal(before, Server.Started);
    }

    [Fact]
    public async Task The_sse_stream_delivers_progress_events_before_the_final_event()
    {
        Server.Latency = TimeSpan.FromMilliseconds(50);
        var id = await StoreAsync(Article(20, "llm", "sse"));
        var before = Server.Calls.Count;

        var events = await ReadStreamAsync(id, "short", "llm");

        var names = events.Select(e => e.Name).ToList();
        Assert.Equal("result", names[^1]);
        Assert.Equal(1, names.Count(n => n == "result"));
        var maps = events.Where(e => e.Name == "progress" && e.Data.GetProperty("stage").GetString() == "map").ToList();
        Assert.Equal(Enumerable.Range(0, 21), maps.Select(e => e.Data.GetProperty("done").GetInt32()));
        Assert.All(maps, e => Assert.Equal(20, e.Data.GetProperty("total").GetInt32()));
        Assert.Equal("progress", names[0]);
        Assert.True(events.FindLastIndex(e => e.Name == "progress" && e.Data.GetProperty("stage").GetString() == "map") < names.IndexOf("token"));
        Assert.True(names.LastIndexOf("token") < names.IndexOf("result"));
        var reduce = events.Where(e => e.Name == "progress" && e.Data.GetProperty("stage").GetString() == "reduce").ToList();
        Assert.Equal([0, 1], reduce.Select(e => e.Data.GetProperty("done").GetInt32()));
        Assert.True(events.IndexOf(reduce[0]) < names.IndexOf("token"), "the final reduce is announced before its tokens");
        // The tokens are the model's streamed answer (stream: true on the wire), and make up the brief.
        var tokens = events.Where(e => e.Name == "token").Select(e => e.Data.GetProperty("text").GetString()!).ToList();
        Assert.True(tokens.Count > 2);
        var brief = events[^1].Data.GetProperty("brief").GetString();
        Assert.Equal(brief, string.Join(' ', string.Concat(tokens).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Single(Server.Calls.Skip(before), c => c.Kind == "Reduce" && c.Stream);
    }

    [Fact]
    public async Task A_client_disconnect_mid_stream_stops_the_calls_nobody_else_waits_for()
    {
        Server.Latency = TimeSpan.FromSeconds(3);
        try
        {
            var id = await StoreAsync(Article(20, "llm", "disconnect"));
            var startedBefore = Server.Started;
            var endedBefore = Server.Calls.Count;

            using (var cts = new CancellationTokenSource())
            {
                using var response = await _c.Http.GetAsync($"/v1/articles/{id}/brief/stream?length=short&backend=llm", HttpCompletionOption.ResponseHeadersRead, cts.Token);
                await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
                await using var events = Sse.ReadAsync(stream).GetAsyncEnumerator(cts.Token);
                Assert.True(await events.MoveNextAsync());
                Assert.Equal("progress", events.Current.Name); // chunk 0 of 20: the stream is open, the map calls are out
                await Server.WhenAsync(_ => Server.Started - startedBefore == 20);
                await cts.CancelAsync();
            }

            // Every call in flight is abandoned, and the reduce that would follow is never made.
            await Server.WhenAsync(_ => Server.Calls.Count - endedBefore == 20);
            var calls = Server.Calls.Skip(endedBefore).ToList();
            Assert.All(calls, c => Assert.True(c.Aborted, $"a {c.Kind} call was answered"));
            Assert.Equal(20, Server.Started - startedBefore);

            // The computation was dropped, not left broken: the next request computes it afresh, with
            // its own 20 maps and one reduce; the dropped run added no call (no reduce) meanwhile.
            Server.Latency = TimeSpan.FromMilliseconds(20);
            var brief = await GetBriefAsync(id, "short", "llm");
            Assert.False(brief.GetProperty("cached").GetBoolean());
            Assert.Equal(20 + 21, Server.Started - startedBefore);
            Assert.Single(Server.Calls.Skip(endedBefore), c => c.Kind == "Reduce");
        }
        finally
        {
            Server.Latency = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task A_client_disconnect_does_not_stop_work_another_request_waits_for()
    {
        Server.Latency = TimeSpan.FromSeconds(1);
        try
        {
            var id = await StoreAsync(Article(20, "llm", "shared-wait"));
            var startedBefore = Server.Started;
            var endedBefore = Server.Calls.Count;
            var waiting = GetBriefAsync(id, "short", "llm");

            using (var cts = new CancellationTokenSource())
            {
                using var response = await _c.Http.GetAsync($"/v1/articles/{id}/brief/stream?length=short&backend=llm", HttpCompletionOption.ResponseHeadersRead, cts.Token);
                await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
                await using var events = Sse.ReadAsync(stream).GetAsyncEnumerator(cts.Token);
                Assert.True(await events.MoveNextAsync());
                await Server.WhenAsync(_ => Server.Started - startedBefore == 20);
                await cts.CancelAsync();
            }

            var brief = await waiting;
            Assert.False(brief.GetProperty("cached").GetBoolean());
            var calls = Server.Calls.Skip(endedBefore).ToList();
            Assert.Equal(21, calls.Count);
            Assert.DoesNotContain(calls, c => c.Aborted);
        }
        finally
        {
            Server.Latency = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task An_article_over_max_chunks_is_413_naming_the_limit()
    {
        var id = await StoreAsync(Article(_c.Settings.MaxChunks + 1, "llm-small", "too-many"));
        var before = Server.Started;

        using var plain = await _c.Http.GetAsync($"/v1/articles/{id}/brief?backend=llm-small");
        using var stream = await _c.Http.GetAsync($"/v1/articles/{id}/brief/stream?backend=llm-small");

        foreach (var response in new[] { plain, stream })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Summarizer:Limits:MaxChunks", problem.GetProperty("limit").GetString());
        }

        Assert.Equal(before, Server.Started);
    }

    [Fact]
    public async Task An_article_over_max_bytes_is_413_naming_the_limit()
    {
        var text = LongArticleText.OfSize((int)_c.Settings.MaxArticleBytes + 1000, "too-big");

        using var response = await _c.Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Summarizer:Limits:MaxArticleBytes", problem.GetProperty("limit").GetString());
    }

    private string Article(int chunks, string backend, string seed) =>
        LongArticleText.WithChunks(fixture.Chunker, chunks, _c.InputBudget(backend), Overlap, seed);

    private IReadOnlyList<TextChunk> Chunks(string text, string backend) =>
        fixture.Chunker.Chunk(ArticleDocument.FromNormalized(text, null, null), _c.InputBudget(backend), Overlap);

    private async Task<string> StoreAsync(string text)
    {
        using var response = await _c.Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetBriefAsync(string id, string length, string backend)
    {
        using var response = await _c.Http.GetAsync($"/v1/articles/{id}/brief?length={length}&backend={backend}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<SseEvent>> ReadStreamAsync(string id, string length, string backend)
    {
        using var response = await _c.Http.GetAsync($"/v1/articles/{id}/brief/stream?length={length}&backend={backend}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var e in Sse.ReadAsync(await response.Content.ReadAsStreamAsync()))
        {
            events.Add(e);
        }

        return events;
    }
}
