using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Testing.PageServers;

namespace Summarizer.Collections.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class CollectionTests(CollectionClusterFixture fixture)
{
    // Three outlets print one statement: curly quotes, straight quotes, and a trimmed fragment.
    private static readonly string[] Story =
    [
        "date 2024-03-01\n\nA blast damaged a fuel depot at the Norfolk naval base on Tuesday, officials said.\n\n" +
        "“We have no evidence of a second device at the depot,” McNulty told reporters outside the gate.\n\n" +
        "The depot was closed for the rest of the day while investigators searched the site.",
        "date 2024-03-02\n\nInvestigators searched a fuel depot at the Norfolk naval base after a blast on Tuesday.\n\n" +
        "\"We have no evidence of a second device at the depot,\" said Pentagon Spokesperson Commander Jessica McNulty.\n\n" +
        "Sailors living near the depot were moved to a gym on the base for the night.",
        "date 2024-03-03\n\nThe Norfolk naval base reopened its fuel depot on Thursday, two days after a blast.\n\n" +
        "\"No evidence of a second device at the depot,\" Jessica McNulty said on Wednesday.\n\n" +
        "Repairs to the depot will take several weeks, the navy said.",
    ];

    [Fact]
    public async Task The_same_set_in_another_order_is_the_same_collection()
    {
        var story = Fresh();
        var first = await CreateAsync(story.Select(Text).ToArray());
        var second = await fixture.Http.PostAsJsonAsync("/v1/collections", new { articles = story.Reverse().Select(Text).ToArray() });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Location, second.Headers.Location!.ToString());
        var other = await CreateAsync(story.Select(Text).ToArray(), length: "medium");
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task A_quote_three_outlets_print_comes_back_once_with_three_sources_and_one_speaker()
    {
        var created = await CreateAsync(Story.Select(Text).ToArray());

        var digest = await GetAsync(created.Location);

        var quotes = digest["keyQuotes"]!.AsArray();
        var top = quotes[0]!;
        Assert.Equal(3, top["sources"]!.AsArray().Count);
        Assert.Contains("Jessica McNulty", top["speaker"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(quotes, q => q!["text"]!.GetValue<string>().Contains("second device", StringComparison.Ordinal));
        Assert.All(top["sources"]!.AsArray(), s => Assert.True(s!["verified"]!.GetValue<bool>()));
        Assert.Equal(3, digest["articles"]!.AsArray().Count);
        Assert.Equal(["2024-03-01", "2024-03-02", "2024-03-03"], digest["timeline"]!.AsArray().Select(t => t!["date"]!.GetValue<string>()));
        Assert.NotEmpty(digest["brief"]!["sentences"]!.AsArray());
        Assert.All(digest["brief"]!["sentences"]!.AsArray(), s => Assert.NotEmpty(s!["articleIds"]!.AsArray()));
    }

    [Fact]
    public async Task One_bad_url_in_ten_gives_nine_briefs_and_a_problem_in_the_tenth_place()
    {
        var urls = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var path = $"/story/{Guid.NewGuid():N}";
            fixture.Pages.Page(path, Html($"Bridge report {i}",
                $"The council met on day {i} of the month to discuss the old stone bridge over the river. " +
                $"It voted to close the bridge for {i + 2} weeks while engineers repair the cracked arches. " +
                "Drivers will be sent through the town centre, and buses will stop at the market square instead. " +
                "Shop owners on the high street said they feared losing customers during the works. " +
                "The council said a temporary footbridge would open within a fortnight for people walking to school. " +
                "Engineers first reported the cracks in the spring after a routine inspection of the structure. " +
                "The repairs are expected to cost the town about two million pounds, paid from the roads budget."));
            urls.Add(fixture.Pages.Url(path));
        }

        urls.Add(fixture.Pages.Url($"/missing/{Guid.NewGuid():N}")); // 404 upstream
        var created = await CreateAsync([.. urls.Select(u => new { url = u })]);

        var digest = await GetAsync(created.Location);

        var articles = digest["articles"]!.AsArray();
        Assert.Equal(10, articles.Count);
        Assert.Equal(9, articles.Count(a => a!["brief"] is not null));
        var bad = Assert.Single(articles, a => a!["problem"] is not null)!;
        Assert.Equal(502, bad["problem"]!["status"]!.GetValue<int>());
        Assert.EndsWith("/fetch-failed", bad["problem"]!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(bad["articleId"]);
    }

    [Fact]
    public async Task An_article_already_briefed_is_not_briefed_again_for_the_collection()
    {
        var texts = Fresh();
        var stored = await fixture.Http.PostAsJsonAsync("/v1/articles", new { text = texts[0] });
        var id = (await stored.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        (await fixture.Http.GetAsync($"/v1/articles/{id}/brief?backend=llm")).EnsureSuccessStatusCode();
        var before = fixture.Cluster.Server.Calls.Count;

        var created = await CreateAsync([new { id }, Text(texts[1]), Text(texts[2])], backend: "llm");
        var digest = await GetAsync(created.Location);

        var calls = fixture.Cluster.Server.Calls.Skip(before).ToList();
        Assert.Equal(2, calls.Count(c => c.Kind == "Brief")); // the two new articles only
        Assert.Single(calls, c => c.Kind == "Combine");
        Assert.Equal("llm", digest["brief"]!["backend"]!["name"]!.GetValue<string>());
        var again = await GetAsync(created.Location);
        Assert.True(again["cached"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_stream_reports_each_article_then_the_result()
    {
        var texts = Fresh();
        var created = await CreateAsync(texts.Select(Text).ToArray());

        using var response = await fixture.Http.GetAsync(created.Location + "/stream", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(item);
        }

        Assert.Equal("result", events[^1].EventType);
        var progress = events.Where(e => e.EventType == "progress").Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.Equal([1, 2, 3], progress.Where(p => p["stage"]!.GetValue<string>() == "articles").Select(p => p["done"]!.GetValue<int>()).Where(d => d > 0));
        Assert.Contains(progress, p => p["stage"]!.GetValue<string>() == "combine");
        Assert.Equal(3, JsonNode.Parse(events[^1].Data)!["articles"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"articles": []}""", "articles")]
    [InlineData("""{"articles": [{"text": "One.", "url": "http://example.com/"}]}""", "articles[0]")]
    [InlineData("""{"articles": [{}]}""", "articles[0]")]
    [InlineData("""{"articles": [{"text": "A sentence."}], "length": "huge"}""", "length")]
    public async Task A_malformed_collection_is_a_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await fixture.Http.PostAsync("/v1/collections", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task Too_many_articles_plain_text_and_unknown_ids_are_refused_with_problems()
    {
        var many = await fixture.Http.PostAsJsonAsync("/v1/collections", new { articles = Enumerable.Range(0, 51).Select(i => new { text = $"Sentence {i}." }) });
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("MaxCollectionArticles", await many.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var plain = new StringContent("Just text.", System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await fixture.Http.PostAsync("/v1/collections", plain)).StatusCode);

        var unknown = await fixture.Http.GetAsync("/v1/collections/" + new string('a', 52));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/v1/collections/not-an-id")).StatusCode);

        var missing = await CreateAsync([new { id = new string('b', 52) }, Text(Story[0])]);
        var digest = await GetAsync(missing.Location);
        Assert.Equal(404, digest["articles"]!.AsArray().Single(a => a!["problem"] is not null)!["problem"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_backend_is_refused_at_creation_and_no_collection_is_kept()
    {
        var story = Fresh();
        var response = await fixture.Http.PostAsJsonAsync("/v1/collections", new { articles = story.Select(Text).ToArray(), backend = "no-such-backend" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("unknown-backend", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);

        // Asked again, it is refused again: the first request kept no collection to answer 200 with.
        var again = await fixture.Http.PostAsJsonAsync("/v1/collections", new { articles = story.Select(Text).ToArray(), backend = "no-such-backend" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    private static object Text(string text) => new { text };

    /// <summary>The story with a word no other test uses, so its articles and collection are new to the cluster.</summary>
    private static string[] Fresh()
    {
        var tag = "Pier" + Guid.NewGuid().ToString("N")[..6];
        return [.. Story.Select(s => s.Replace("the depot", "the depot at " + tag, StringComparison.Ordinal))];
    }

    private static string Html(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><title>{title}</title><meta property=\"og:site_name\" content=\"Loopback News\"></head>" +
        $"<body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{string.Concat(body.Split(". ").Select(s => $"<p>{s.TrimEnd('.')}.</p>"))}</article></body></html>";

    private async Task<(HttpStatusCode Status, string Location, string Id)> CreateAsync(object[] articles, string? length = null, string? backend = null)
    {
        var response = await fixture.Http.PostAsJsonAsync("/v1/collections", new { articles, length, backend });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        return (response.StatusCode, response.Headers.Location!.ToString(), id);
    }

    private async Task<JsonNode> GetAsync(string location)
    {
        var response = await fixture.Http.GetAsync(location);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }
}
