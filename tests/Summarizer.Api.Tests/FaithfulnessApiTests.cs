using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Summarizer.Text;

namespace Summarizer.Api.Tests;

/// <summary>
/// A 2-silo <see cref="LongArticleCluster"/> (real InProcessTestCluster, the HTTP API on Kestrel as an
/// Orleans client, backend <c>llm</c> = the real OpenAI-compatible provider against the loopback model
/// server) whose model writes the brief a test scripts for its article: each test's article is the
/// seed article with a reference line of its own, and the model answers the brief scripted for it.
/// </summary>
public sealed class FaithfulnessClusterFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _briefs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _combines = new(StringComparer.Ordinal);

    public LongArticleCluster Cluster { get; private set; } = null!;

    public HttpClient Http => Cluster.Http;

    public async Task InitializeAsync()
    {
        Cluster = await LongArticleCluster.StartAsync(new LongArticleClusterSettings { Silos = 2 });
        var usual = Cluster.Server.Responder;
        Cluster.Server.Latency = TimeSpan.Zero;
        Cluster.Server.Responder = request =>
        {
            var kind = LoopbackAnswers.KindOf(request.Prompt);
            if (kind is "Brief" or "Combine")
            {
                foreach (var (marker, answer) in kind == "Brief" ? _briefs : _combines)
                {
                    if (request.Prompt.Contains(marker, StringComparison.Ordinal))
                    {
                        return answer;
                    }
                }
            }

            return usual(request);
        };
    }

    /// <summary>A new marker: the brief of an article whose text carries it is <paramref name="lines"/>, one per line.</summary>
    public string Script(params string[] lines) => Add(_briefs, lines);

    /// <summary>A new marker: a collection's combined brief whose source labels (titles) carry it is <paramref name="lines"/>.</summary>
    public string ScriptCombine(params string[] lines) => Add(_combines, lines);

    private static string Add(ConcurrentDictionary<string, string> answers, string[] lines)
    {
        var marker = "ref" + Guid.NewGuid().ToString("N")[..12];
        answers[marker] = string.Join('\n', lines);
        return marker;
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FaithfulnessClusterCollection : ICollectionFixture<FaithfulnessClusterFixture>
{
    public const string Name = "faithfulness cluster";
}

/// <summary>Faithfulness receipts through HTTP: a model's unsupported sentences are flagged, <c>verify=strict</c> drops them, extractive briefs are exact.</summary>
[Collection(FaithfulnessClusterCollection.Name)]
public sealed class FaithfulnessApiTests(FaithfulnessClusterFixture fixture)
{
    private static readonly ArticleDocument Seed = ArticleDocument.Parse(Seeds.Raw);

    /// <summary>A sentence of the seed article, copied.</summary>
    private static readonly string Verbatim = Seed.Sentences[0].Slice(Seed.Text);

    // The seed article says "four militia fighters were killed", Jen Psaki said the raids were designed
    // to limit the risk of escalation, and Jessica McNulty called them "necessary, appropriate, and deliberate".
    private const string InventedNumber = "Al Arabiya reported that six militia fighters were killed in the raids.";
    private const string FlippedNegation = "Jen Psaki told reporters that the weekend raids were not designed to limit the risk of escalation.";
    private const string ChangedSpeaker = "“Necessary, appropriate, and deliberate,” Jen Psaki said of the strikes.";

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task A_model_brief_that_invents_a_number_flips_a_negation_or_changes_a_speaker_is_flagged_there()
    {
        var id = await StoreAsync(fixture.Script(Verbatim, InventedNumber, FlippedNegation, ChangedSpeaker));
        var text = await Http.GetStringAsync($"/v1/articles/{id}/text");

        var brief = await GetJsonAsync($"/v1/articles/{id}/brief?backend=llm");

        Assert.Equal([Verbatim, InventedNumber, FlippedNegation, ChangedSpeaker], Strings(brief["sentences"]));
        var receipt = brief["faithfulness"]!;
        Assert.Equal((1, 3), ((int)receipt["supported"]!, (int)receipt["flagged"]!));
        Assert.Equal("off", (string?)receipt["verify"]);
        Assert.Null(receipt["dropped"]);
        var sentences = receipt["sentences"]!.AsArray();
        Assert.Empty(sentences[0]!["issues"]!.AsArray());
        Assert.Equal(Verbatim, SourceText(text, sentences[0]!));
        Assert.Equal(1.0, (double)sentences[0]!["support"]!);
        Assert.Contains("number", Kinds(sentences[1]!));
        Assert.Contains("four militia fighters were killed", SourceText(text, sentences[1]!), StringComparison.Ordinal);
        Assert.Contains("negation", Kinds(sentences[2]!));
        Assert.Contains("speaker", Kinds(sentences[3]!));
        Assert.All(sentences, s => Assert.NotEmpty(s!["sources"]!.AsArray()));
    }

    [Fact]
    public async Task Verify_strict_drops_the_flagged_sentences_says_so_and_leaves_the_cached_brief_whole()
    {
        var id = await StoreAsync(fixture.Script(InventedNumber, Verbatim, FlippedNegation));

        var strict = await GetJsonAsync($"/v1/articles/{id}/brief?backend=llm&verify=strict");
        var normal = await GetJsonAsync($"/v1/articles/{id}/brief?backend=llm");
        var strictAgain = await GetJsonAsync($"/v1/articles/{id}/brief?backend=llm&verify=STRICT");

        Assert.Equal([Verbatim], Strings(strict["sentences"]));
        Assert.Equal(Verbatim, (string?)strict["brief"]);
        var receipt = strict["faithfulness"]!;
        Assert.Equal("strict", (string?)receipt["verify"]);
        Assert.Equal((1, 0), ((int)receipt["supported"]!, (int)receipt["flagged"]!));
        Assert.Equal([InventedNumber, FlippedNegation], receipt["dropped"]!.AsArray().Select(d => (string)d!["text"]!));
        Assert.All(receipt["dropped"]!.AsArray(), d => Assert.NotEmpty(d!["issues"]!.AsArray()));

        Assert.Equal([InventedNumber, Verbatim, FlippedNegation], Strings(normal["sentences"]));
        Assert.True((bool)normal["cached"]!);
        Assert.Equal((1, 2), ((int)normal["faithfulness"]!["supported"]!, (int)normal["faithfulness"]!["flagged"]!));
        Assert.Equal([Verbatim], Strings(strictAgain["sentences"]));
        Assert.Equal(1, fixture.Cluster.Server.Requests.Count(r => r.Body.Contains(MarkerOf(id), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_extractive_brief_has_every_sentence_supported_by_its_exact_span()
    {
        var id = await StoreAsync(fixture.Script("unused"));
        var text = await Http.GetStringAsync($"/v1/articles/{id}/text");

        foreach (var length in new[] { "short", "long" })
        {
            var brief = await GetJsonAsync($"/v1/articles/{id}/brief?length={length}");
            var receipt = brief["faithfulness"]!;
            var sentences = Strings(brief["sentences"]);
            Assert.Equal((sentences.Count, 0), ((int)receipt["supported"]!, (int)receipt["flagged"]!));
            Assert.All(receipt["sentences"]!.AsArray(), s =>
            {
                Assert.Empty(s!["issues"]!.AsArray());
                Assert.Equal(1.0, (double)s["support"]!);
                Assert.Equal(((string)s["text"]!).Trim(), SourceText(text, s));
            });
        }
    }

    [Fact]
    public async Task A_digest_with_verify_strict_in_the_body_or_the_query_drops_the_flagged_sentences()
    {
        var marker = fixture.Script(Verbatim, ChangedSpeaker);
        var raw = Article(marker);

        using var json = await Http.PostAsJsonAsync("/v1/digests", new { text = raw, backend = "llm", verify = "strict" });
        using var plain = await Http.PostAsync("/v1/digests?backend=llm&verify=strict", new StringContent(raw, Encoding.UTF8, "text/plain"));
        using var normal = await Http.PostAsJsonAsync("/v1/digests", new { text = raw, backend = "llm" });

        foreach (var response in new[] { json, plain })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var digest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal([Verbatim], Strings(digest["sentences"]));
            Assert.Equal([ChangedSpeaker], digest["faithfulness"]!["dropped"]!.AsArray().Select(d => (string)d!["text"]!));
            Assert.Contains("speaker", Kinds(digest["faithfulness"]!["dropped"]![0]!));
        }

        var whole = JsonNode.Parse(await normal.Content.ReadAsStringAsync())!;
        Assert.Equal([Verbatim, ChangedSpeaker], Strings(whole["sentences"]));
        Assert.Equal(1, (int)whole["faithfulness"]!["flagged"]!);
    }

    [Fact]
    public async Task The_streamed_result_carries_the_receipt_and_verify_strict_applies_to_it()
    {
        var id = await StoreAsync(fixture.Script(Verbatim, InventedNumber));

        using var response = await Http.GetAsync($"/v1/articles/{id}/brief/stream?backend=llm&verify=strict", HttpCompletionOption.ResponseHeadersRead);
        var events = new List<SseEvent>();
        await foreach (var e in Sse.ReadAsync(await response.Content.ReadAsStreamAsync()))
        {
            events.Add(e);
        }

        var result = JsonNode.Parse(events.Single(e => e.Name == "result").Data.GetRawText())!;
        Assert.Equal([Verbatim], Strings(result["sentences"]));
        Assert.Equal([InventedNumber], result["faithfulness"]!["dropped"]!.AsArray().Select(d => (string)d!["text"]!));
    }

    [Fact]
    public async Task A_combined_brief_that_invents_a_number_is_flagged_and_its_sources_name_their_article()
    {
        var briefs = fixture.Script(Verbatim);
        var combine = fixture.ScriptCombine(Verbatim, InventedNumber);
        var first = Article(briefs);
        var second = Article(briefs) + "\n\nThe Pentagon gave no further details on Tuesday.";
        using var created = await Http.PostAsJsonAsync("/v1/collections", new
        {
            backend = "llm",
            articles = new[] { new { text = first, title = "Strikes " + combine }, new { text = second, title = "Raids " + combine } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ids = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["articles"]!.AsArray().Select(a => (string)a!["articleId"]!).ToList();

        var digest = await GetJsonAsync(created.Headers.Location!.ToString());
        var strict = await GetJsonAsync(created.Headers.Location!.ToString() + "?verify=strict");

        var receipt = digest["brief"]!["faithfulness"]!;
        Assert.Equal((1, 1), ((int)receipt["supported"]!, (int)receipt["flagged"]!));
        var supported = receipt["sentences"]![0]!;
        var source = supported["sources"]![0]!;
        Assert.Contains((string)source["articleId"]!, ids);
        var sourceText = await Http.GetStringAsync($"/v1/articles/{(string)source["articleId"]!}/text");
        Assert.Equal(Verbatim, SourceText(sourceText, supported));
        Assert.Contains("number", Kinds(receipt["sentences"]![1]!));
        Assert.All(digest["articles"]!.AsArray(), a => Assert.Equal(0, (int)a!["brief"]!["faithfulness"]!["flagged"]!));

        Assert.Equal([Verbatim], strict["brief"]!["sentences"]!.AsArray().Select(s => (string)s!["text"]!));
        Assert.Equal([InventedNumber], strict["brief"]!["faithfulness"]!["dropped"]!.AsArray().Select(d => (string)d!["text"]!));
    }

    [Theory]
    [InlineData("/v1/articles/{id}/brief?verify=lenient")]
    [InlineData("/v1/articles/{id}/brief/stream?verify=1")]
    [InlineData("/v1/collections/{id}?verify=yes")]
    public async Task A_bad_verify_value_is_a_400_naming_the_field(string path)
    {
        var id = await StoreAsync(fixture.Script("unused"));

        using var response = await Http.GetAsync(path.Replace("{id}", id, StringComparison.Ordinal));

        await AssertVerifyProblem(response);
    }

    [Fact]
    public async Task A_bad_verify_value_in_a_digest_body_is_a_400_and_stores_nothing()
    {
        var raw = Article(fixture.Script("unused"));

        using var response = await Http.PostAsJsonAsync("/v1/digests", new { text = raw, verify = "maybe" });

        await AssertVerifyProblem(response);
        using var stored = await Http.GetAsync($"/v1/articles/{ArticleId.Compute(ArticleDocument.Parse(raw).Text)}");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    private static async Task AssertVerifyProblem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.EndsWith("/invalid-parameter", (string?)problem["type"], StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["verify"]);
    }

    /// <summary>The seed article with a reference line of its own (so the model answers this test's script, and no cache is shared).</summary>
    private static string Article(string marker) => Seeds.Raw.TrimEnd() + $"\n\nThis copy is filed as {marker}.";

    private static string MarkerOf(string id) => Markers[id];

    private static readonly ConcurrentDictionary<string, string> Markers = new(StringComparer.Ordinal);

    private async Task<string> StoreAsync(string marker)
    {
        using var response = await Http.PostAsync("/v1/articles", new StringContent(Article(marker), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        Markers[id] = marker;
        return id;
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(s => (string)s!)];

    private static List<string> Kinds(JsonNode sentence) => [.. sentence["issues"]!.AsArray().Select(i => (string)i!["kind"]!)];

    /// <summary>The text the sentence's sources point at, joined by a space (offsets into GET /v1/articles/{id}/text).</summary>
    private static string SourceText(string text, JsonNode sentence) =>
        string.Join(' ', sentence["sources"]!.AsArray().Select(s => text[(int)s!["start"]!..(int)s["end"]!]));
}
