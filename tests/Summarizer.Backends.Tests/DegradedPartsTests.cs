using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Summarizer.Backends.Tests;

/// <summary>
/// Honest degradation through the real embedded silo (issue 11): a loopback model that writes a good
/// brief but answers the key-quote choice with prose. The digest says its key quotes are degraded and
/// why, while the brief is not; the same request again within <c>FailureMemorySeconds</c> makes no
/// model call (counted at the server); a collection reports each article's degraded part.
/// </summary>
[Collection(nameof(SiloEndToEndTests))]
public sealed class DegradedPartsTests
{
    private const string Prose = "Honestly, the second quote is the one that matters most here.";

    private static string[] Args(LoopbackModelServer server) =>
    [
        "--Summarizer:Backend=llm", "--Summarizer:Fallback=extractive",
        .. Settings.OpenAICompatible(server).Select(kv => $"--Summarizer:Backends:llm:{kv.Key}={kv.Value}"),
        "--Summarizer:Backends:llm:Retries=0",
        "--Summarizer:Backends:llm:FailureMemorySeconds=600",
    ];

    private static int QuoteCalls(LoopbackModelServer server) => server.Requests.Count(r => r.Body.Contains("key quotes", StringComparison.Ordinal));

    private static async Task<JsonObject> PostJsonAsync(RunningHost silo, string path, HttpContent content, HttpStatusCode? expected = null)
    {
        using var response = await silo.Http.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task A_quote_choice_answered_with_prose_flags_the_digest_degraded_at_keyQuotes_and_is_not_asked_again()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.QuoteAnswer = Prose;
        await using var silo = await EmbeddedSilo.StartAsync(Args(server));
        var article = await File.ReadAllTextAsync(Seeds.ArticleFile);

        using var first = new StringContent(article, Encoding.UTF8, "text/plain");
        var digest = await PostJsonAsync(silo, "/v1/digests?maxQuotes=3", first);

        Assert.True(digest["degraded"]!.GetValue<bool>());
        var part = Assert.Single(digest["degradedParts"]!.AsArray())!;
        Assert.Equal("keyQuotes", part["part"]!.GetValue<string>());
        Assert.Contains("'llm'", part["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("BadAnswer", part["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("llm", digest["backend"]!["name"]!.GetValue<string>()); // the brief came from the model, undegraded
        Assert.Equal(server.DefaultAnswer.Replace('\n', ' '), digest["brief"]!.GetValue<string>());
        Assert.NotEmpty(digest["keyQuotes"]!.AsArray()); // ranked extractively instead
        Assert.Equal(1, QuoteCalls(server));
        var calls = server.Requests.Count;

        using var second = new StringContent(article, Encoding.UTF8, "text/plain");
        var again = await PostJsonAsync(silo, "/v1/digests?maxQuotes=3", second);
        var quotes = JsonNode.Parse(await silo.Http.GetStringAsync(new Uri($"/v1/articles/{digest["articleId"]}/quotes?max=3", UriKind.Relative)))!;

        Assert.True(again["degraded"]!.GetValue<bool>());
        var remembered = Assert.Single(again["degradedParts"]!.AsArray())!;
        Assert.Equal("keyQuotes", remembered["part"]!.GetValue<string>());
        Assert.Contains("not called again", remembered["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(again["cached"]!.GetValue<bool>()); // the brief was cached; the degraded quotes were not
        Assert.True(quotes["degraded"]!.GetValue<bool>());
        Assert.Equal(calls, server.Requests.Count); // no model call at all for the repeated request
        Assert.Equal(1, QuoteCalls(server));
    }

    [Fact]
    public async Task A_good_digest_has_no_degraded_parts()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var silo = await EmbeddedSilo.StartAsync(Args(server));
        using var content = new StringContent(await File.ReadAllTextAsync(Seeds.ArticleFile), Encoding.UTF8, "text/plain");

        var digest = await PostJsonAsync(silo, "/v1/digests?maxQuotes=3", content);

        Assert.False(digest["degraded"]!.GetValue<bool>());
        Assert.Empty(digest["degradedParts"]!.AsArray());
        Assert.Null(digest["degradedReason"]);
    }

    [Fact]
    public async Task A_collection_reports_each_article_whose_key_quotes_were_degraded()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.QuoteAnswer = Prose;
        await using var silo = await EmbeddedSilo.StartAsync(Args(server));
        var article = await File.ReadAllTextAsync(Seeds.ArticleFile);
        var other = "The council met on Monday. \"We will close the bridge,\" the mayor, Anna Berg, said. The works start in May.";

        var created = await PostJsonAsync(silo, "/v1/collections",
            JsonContent.Create(new { articles = new object[] { new { text = article }, new { text = other } }, maxQuotes = 3 }), HttpStatusCode.Created);
        var collection = JsonNode.Parse(await silo.Http.GetStringAsync(new Uri($"/v1/collections/{created["id"]}", UriKind.Relative)))!;

        Assert.True(collection["degraded"]!.GetValue<bool>());
        var parts = collection["degradedParts"]!.AsArray().Select(p => p!).ToList();
        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.Equal("keyQuotes", p["part"]!.GetValue<string>()));
        Assert.All(parts, p => Assert.False(string.IsNullOrEmpty(p["articleId"]?.GetValue<string>())));
        Assert.All(parts, p => Assert.Contains("'llm'", p["reason"]!.GetValue<string>(), StringComparison.Ordinal));
        var ids = created["articles"]!.AsArray().Select(a => a!["articleId"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(ids, parts.Select(p => p["articleId"]!.GetValue<string>()).ToHashSet());
        Assert.InRange(QuoteCalls(server), 1, 2); // the two articles' quote choices may be in flight at once
        var calls = server.Requests.Count;

        // A degraded digest is answered, not kept: read again it is computed again, and the failing model is not asked.
        var again = JsonNode.Parse(await silo.Http.GetStringAsync(new Uri($"/v1/collections/{created["id"]}", UriKind.Relative)))!;
        Assert.True(again["degraded"]!.GetValue<bool>());
        Assert.Equal(parts.Count, again["degradedParts"]!.AsArray().Count);
        Assert.Equal(calls, server.Requests.Count);
    }
}
