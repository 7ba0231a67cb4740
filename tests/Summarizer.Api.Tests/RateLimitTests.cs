using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Summarizer.Testing.ModelServers;

namespace Summarizer.Api.Tests;

/// <summary>
/// Two gateways in front of a two-silo cluster, three API keys, <c>Summarizer:RateLimit</c> on, and a
/// backend <c>slow</c> whose loopback model answers only after ten minutes (so a stream stays open
/// while the test moves the limits' fake clock).
/// </summary>
public sealed class RateLimitFixture : IAsyncLifetime
{
    public const string RateKey = "rate-key-P3x9Lq2Wv7";
    public const string StreamKey = "stream-key-Hy4Nm8Ke1";
    public const string OtherKey = "other-key-Zt6Rb0Jc5";
    public const string UsageKey = "usage-key-Qm2Vd7Xa4";
    public const int PermitsPerMinute = 60;
    public const int Burst = 4;
    public const int MaxStreamSeconds = 30;

    public LoopbackModelServer Model { get; private set; } = null!;

    /// <summary>Answers at once, reporting <see cref="LoopbackModelServer.DefaultPromptTokens"/> in and <see cref="LoopbackModelServer.DefaultCompletionTokens"/> out.</summary>
    public LoopbackModelServer Fast { get; private set; } = null!;

    public GatewayCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await LoopbackModelServer.StartAsync();
        Model.Latency = TimeSpan.FromMinutes(10);
        Model.AbortInFlightOnDispose = true;
        Fast = await LoopbackModelServer.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Summarizer:Auth:ApiKeys:0"] = ApiKeyRing.HashOf(RateKey),
            ["Summarizer:Auth:ApiKeys:1"] = ApiKeyRing.HashOf(StreamKey),
            ["Summarizer:Auth:ApiKeys:2"] = ApiKeyRing.HashOf(OtherKey),
            ["Summarizer:Auth:ApiKeys:3"] = ApiKeyRing.HashOf(UsageKey),
            ["Summarizer:Backends:fast:Provider"] = "OpenAICompatible",
            ["Summarizer:Backends:fast:Endpoint"] = Fast.Endpoint.ToString(),
            ["Summarizer:Backends:fast:Model"] = "fast-model",
            ["Summarizer:Backends:fast:Retries"] = "0",
            ["Summarizer:RateLimit:PermitsPerMinute"] = PermitsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["Summarizer:RateLimit:Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
            ["Summarizer:RateLimit:MaxConcurrentStreams"] = "1",
            ["Summarizer:RateLimit:MaxStreamSeconds"] = MaxStreamSeconds.ToString(CultureInfo.InvariantCulture),
            ["Summarizer:Backend"] = "extractive",
            ["Summarizer:Backends:extractive:Provider"] = "Extractive",
            ["Summarizer:Backends:slow:Provider"] = "OpenAICompatible",
            ["Summarizer:Backends:slow:Endpoint"] = Model.Endpoint.ToString(),
            ["Summarizer:Backends:slow:Model"] = "slow-model",
            ["Summarizer:Backends:slow:Retries"] = "0",
            ["Summarizer:Backends:slow:TimeoutSeconds"] = "900",
            ["Summarizer:Backends:slow:AttemptTimeoutSeconds"] = "900",
        };
        Cluster = await GatewayCluster.StartAsync(2, config);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Model is not null)
        {
            await Model.DisposeAsync();
        }

        if (Fast is not null)
        {
            await Fast.DisposeAsync();
        }
    }
}

public sealed class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private const string Article = "The council met on Monday. It voted to close the bridge. \"We had no choice,\" said mayor Ana Ruiz. The works start in May.";

    private HttpClient Gateway(int i) => fixture.Cluster.Gateways[i % fixture.Cluster.Gateways.Count].Http;

    [Fact]
    public async Task Past_the_burst_a_key_gets_429_with_Retry_After_from_either_gateway_and_a_refill_lets_it_in_again()
    {
        for (var i = 0; i < RateLimitFixture.Burst; i++)
        {
            using var ok = await SendAsync(Gateway(i), HttpMethod.Get, "/v1/cluster", RateLimitFixture.RateKey);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal((RateLimitFixture.Burst - 1 - i).ToString(CultureInfo.InvariantCulture), ok.Headers.GetValues("RateLimit-Remaining").Single());
        }

        // The bucket is one bucket for both gateways: either one now refuses, for one token's refill time.
        for (var i = 0; i < 2; i++)
        {
            using var refused = await SendAsync(Gateway(i), HttpMethod.Get, "/v1/cluster", RateLimitFixture.RateKey);
            await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single()); // 60 a minute: one a second
        }

        // Another key has its own bucket.
        using (var other = await SendAsync(Gateway(0), HttpMethod.Post, "/v1/digests", RateLimitFixture.OtherKey, Article))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        fixture.Cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var again = await SendAsync(Gateway(1), HttpMethod.Post, "/v1/digests", RateLimitFixture.RateKey, Article))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using var refusedAgain = await SendAsync(Gateway(0), HttpMethod.Post, "/v1/digests", RateLimitFixture.RateKey, Article);
        await AssertProblemAsync(refusedAgain, HttpStatusCode.TooManyRequests, "rate-limited");
    }

    [Fact]
    public async Task A_key_with_a_stream_open_gets_429_too_many_streams_on_any_gateway_until_the_time_limit_ends_it()
    {
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(1)); // whatever the other test spent: a full bucket
        using var stored = await SendAsync(Gateway(0), HttpMethod.Post, "/v1/articles", RateLimitFixture.StreamKey, Article + " Streamed.");
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var id = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
        var startedBefore = fixture.Model.Started;

        using var open = await SendAsync(Gateway(0), HttpMethod.Get, $"/v1/articles/{id}/brief/stream?backend=slow", RateLimitFixture.StreamKey);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        await using var events = Sse.ReadAsync(await open.Content.ReadAsStreamAsync()).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("progress", events.Current.Name);
        await fixture.Model.WhenAsync(m => m.Started > startedBefore, TimeSpan.FromSeconds(60));

        using (var second = await SendAsync(Gateway(1), HttpMethod.Get, $"/v1/articles/{id}/brief/stream", RateLimitFixture.StreamKey))
        {
            await AssertProblemAsync(second, HttpStatusCode.TooManyRequests, "too-many-streams");
            Assert.InRange(int.Parse(second.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 5);
        }

        // The model is still thinking; the time limit ends the stream with an error event, and the stream closes.
        fixture.Cluster.Clock.Advance(TimeSpan.FromSeconds(RateLimitFixture.MaxStreamSeconds));
        var rest = new List<SseEvent>();
        while (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60)))
        {
            rest.Add(events.Current);
        }

        var last = Assert.Single(rest, e => e.Name is "error" or "result");
        Assert.Equal("error", last.Name);
        Assert.Equal(Problems.TypeBase + "stream-time-limit", last.Data.GetProperty("type").GetString());

        // Its slot is free again: a stream on the other gateway runs to its result.
        using var third = await SendAsync(Gateway(1), HttpMethod.Get, $"/v1/articles/{id}/brief/stream", RateLimitFixture.StreamKey);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var thirdEvents = new List<SseEvent>();
        await foreach (var e in Sse.ReadAsync(await third.Content.ReadAsStreamAsync()))
        {
            thirdEvents.Add(e);
        }

        Assert.Equal("result", thirdEvents[^1].Name);
    }

    [Fact]
    public async Task Usage_counts_a_keys_calls_and_tokens_per_backend_on_every_gateway_and_shows_no_other_keys()
    {
        fixture.Cluster.Clock.Advance(TimeSpan.FromMinutes(1)); // a full bucket, whatever the other tests spent
        using (var digest = await SendAsync(Gateway(0), HttpMethod.Post, "/v1/digests?backend=fast", RateLimitFixture.UsageKey, "Usage test. " + Article))
        {
            Assert.Equal(HttpStatusCode.OK, digest.StatusCode);
        }

        var calls = fixture.Fast.Calls.Count; // the brief, and the quote choice among the article's one quote
        using var mine = await SendAsync(Gateway(1), HttpMethod.Get, "/v1/usage", RateLimitFixture.UsageKey);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var usage = (await mine.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(ApiKeyRing.HashOf(RateLimitFixture.UsageKey)["sha256:".Length..][..12], (string?)usage["caller"]);
        var fast = Assert.Single(usage["backends"]!.AsArray(), b => (string?)b!["backend"] == "fast")!;
        Assert.Equal(calls, (int)fast["calls"]!);
        // Every plain call reports its tokens; a streamed one only when the provider sends usage on its last chunk.
        var plain = fixture.Fast.Calls.Count(c => !c.Stream);
        Assert.True(plain >= 1);
        Assert.InRange((int)fast["inputTokens"]!, plain * LoopbackModelServer.DefaultPromptTokens, calls * LoopbackModelServer.DefaultPromptTokens);
        Assert.InRange((int)fast["outputTokens"]!, plain * LoopbackModelServer.DefaultCompletionTokens, calls * LoopbackModelServer.DefaultCompletionTokens);

        using var theirs = await SendAsync(Gateway(0), HttpMethod.Get, "/v1/usage", RateLimitFixture.OtherKey);
        var other = (await theirs.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.DoesNotContain(other["backends"]!.AsArray(), b => (string?)b!["backend"] == "fast");

        using var anonymous = await Gateway(0).GetAsync(new Uri("/v1/usage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var doc = JsonNode.Parse(await Gateway(0).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var operation = doc["paths"]!["/v1/usage"]!["get"]!;
        Assert.NotNull(operation["responses"]!["200"]);
        Assert.NotNull(operation["responses"]!["429"]);
        Assert.NotNull(operation["security"]);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string key, string? text = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (text is not null)
        {
            request.Content = new StringContent(text, Encoding.UTF8, "text/plain");
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string slug)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(Problems.TypeBase + slug, (string?)problem!["type"]);
        Assert.Equal((int)status, (int)problem["status"]!);
    }
}
