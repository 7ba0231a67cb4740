using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summarizer.Api.Tests;

[Collection(SiloHostCollection.Name)]
public sealed class DigestApiTests(SiloHostFixture host)
{
    private static readonly string Seed = Seeds.Raw;
    private static readonly JsonElement SeedQuotes = Seeds.QuotesJson;

    private HttpClient Http => host.Client;

    [Fact]
    public async Task Seed_digest_as_plain_text_has_a_three_sentence_brief_the_date_and_attributed_quotes()
    {
        using var response = await Http.PostAsync("/v1/digests", new StringContent(Seed, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("2021-06-29", (string?)json["date"]);
        Assert.Equal(3, json["sentences"]!.AsArray().Count);
        Assert.DoesNotContain("date 2021", (string?)json["brief"], StringComparison.Ordinal);
        Assert.Equal("extractive", (string?)json["backend"]!["name"]);
        Assert.False((bool)json["degraded"]!);
        Assert.Equal(52, ((string?)json["articleId"])!.Length);

        var gold = SeedQuotes.GetProperty("quotes").EnumerateArray()
            .ToDictionary(q => Normalize(q.GetProperty("quote").GetString()!), q => q.GetProperty("speaker").GetString());
        var quotes = json["keyQuotes"]!.AsArray();
        Assert.Equal(5, quotes.Count);
        foreach (var q in quotes)
        {
            var text = (string)q!["text"]!;
            Assert.True(gold.TryGetValue(Normalize(text), out var speaker), $"not a seed quote: {text}");
            Assert.Equal(speaker, (string?)q["speaker"]);
            Assert.True((bool)q["verified"]!);
            Assert.True((int)q["end"]! > (int)q["start"]!);
        }
    }

    [Fact]
    public async Task Quote_offsets_index_the_normalised_text_the_article_was_stored_with()
    {
        using var created = await Http.PostAsync("/v1/articles", new StringContent(Seed, Encoding.UTF8, "text/plain"));
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var quotes = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/quotes?max=9"))!["keyQuotes"]!.AsArray();
        var normalized = Summarizer.Text.ArticleDocument.Parse(Seed).Text;

        Assert.Equal(9, quotes.Count);
        Assert.All(quotes, q => Assert.Equal((string)q!["text"]!, normalized[(int)q["start"]!..(int)q["end"]!]));
    }

    [Fact]
    public async Task Json_digest_honours_length_and_max_quotes()
    {
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { text = Seed, title = "Strikes", length = "medium", maxQuotes = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(5, json["sentences"]!.AsArray().Count);
        Assert.Equal(2, json["keyQuotes"]!.AsArray().Count);
        Assert.Equal("medium", (string?)json["length"]);
    }

    [Fact]
    public async Task Storing_is_idempotent_and_the_stored_article_serves_brief_and_quotes()
    {
        var text = $"The library reopened on Monday after repairs. Visitors queued from dawn {Guid.NewGuid():N}. \"We missed it more than we can say,\" said Ann Lee, a teacher.";
        using var first = await Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        using var second = await Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = (string)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!;
        Assert.Equal($"/v1/articles/{id}", first.Headers.Location!.OriginalString);

        var meta = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}"))!;
        Assert.Equal(3, (int)meta["sentences"]!);

        var brief1 = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/brief?length=short"))!;
        var brief2 = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/brief?length=short"))!;
        Assert.False((bool)brief1["cached"]!);
        Assert.True((bool)brief2["cached"]!);

        var quotes = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/quotes?max=3"))!["keyQuotes"]!.AsArray();
        Assert.Equal("Ann Lee", (string?)Assert.Single(quotes)!["speaker"]);
    }

    [Fact]
    public async Task Html_body_is_turned_into_text()
    {
        // Long enough to pass the extractor's quality gate (a shorter page is a teaser: 422 no-article).
        var html = "<html><head><title>Bridge opens</title><script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><article>"
            + "<p>The new bridge over the river opened on Friday after four years of building work and two delays caused by floods.</p>"
            + "<p>&ldquo;It is a great day,&rdquo; said Mayor Ken Ito.</p>"
            + "<p>Thousands of residents walked across the span on its first morning, and the city expects traffic on the old crossing to fall by half.</p>"
            + "</article></body></html>";
        using var response = await Http.PostAsync("/v1/digests", new StringContent(html, Encoding.UTF8, "text/html"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bridge opens", (string?)json["title"]);
        Assert.DoesNotContain("var x", (string?)json["brief"], StringComparison.Ordinal);
        Assert.Equal("Ken Ito", (string?)json["keyQuotes"]![0]!["speaker"]);
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        using var health = await Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var openapi = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json"))!;
        var paths = openapi["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/v1/digests"));
        Assert.True(paths.ContainsKey("/v1/articles/{id}/quotes"));
    }

    [Fact]
    public async Task The_web_page_is_served_at_the_root_and_drives_the_api()
    {
        using var response = await Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<textarea", html, StringComparison.Ordinal);
        Assert.Contains("/v1/articles", html, StringComparison.Ordinal);
        Assert.Contains("/brief/stream", html, StringComparison.Ordinal);
    }

    private static string Normalize(string quote) => quote.Trim().TrimEnd(',', '.').Trim();
}
