using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Summarizer.Api.Tests;

[Collection(UrlHostCollection.Name)]
public sealed class UrlInputTests(UrlHostFixture host)
{
    private const string Canonical = "https://news.example/2021/06/29/us-strikes";

    private HttpClient Http => host.Client;

    [Fact]
    public async Task A_digest_of_a_url_carries_the_canonical_source_url_the_published_date_and_the_page_metadata()
    {
        host.Pages.Page("/digest/seed", Seeds.Html(Canonical));
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url("/digest/seed") });
        var json = await OkJson(response);
        Assert.Equal(Canonical, (string?)json["sourceUrl"]);
        Assert.Equal("2021-06-29", (string?)json["date"]);
        Assert.Equal(Seeds.Title, (string?)json["title"]);
        Assert.Equal(host.Pages.Url("/digest/seed"), (string?)json["metadata"]!["fetchedUrl"]);
        Assert.Equal("News Example", (string?)json["metadata"]!["siteName"]);
        Assert.Equal("en", (string?)json["metadata"]!["language"]);
        Assert.Equal(3, json["sentences"]!.AsArray().Count);
        Assert.Equal(5, json["keyQuotes"]!.AsArray().Count);

        var article = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{(string)json["articleId"]!}"))!;
        Assert.Equal(Canonical, (string?)article["sourceUrl"]);
        Assert.Equal("News Example", (string?)article["metadata"]!["siteName"]);
    }

    [Fact]
    public async Task The_seed_served_as_html_gives_the_same_nine_quotes_and_speakers_as_the_text()
    {
        host.Pages.Page("/nine/seed", Seeds.Html(Canonical));
        var fromText = await StoreAsync(new StringContent(Seeds.Raw, Encoding.UTF8, "text/plain"));
        var fromUrl = await StoreAsync(JsonContent.Create(new { url = host.Pages.Url("/nine/seed") }));
        var fromHtml = await StoreAsync(new StringContent(Seeds.Html(Canonical), Encoding.UTF8, "text/html"));

        var textQuotes = await QuotesAsync(fromText);
        Assert.Equal(9, textQuotes.Count);
        Assert.Equal(textQuotes, await QuotesAsync(fromUrl));
        Assert.Equal(textQuotes, await QuotesAsync(fromHtml));
        Assert.Equal(fromText, fromUrl); // the same normalised text: one article
    }

    [Fact]
    public async Task The_text_the_quote_offsets_index_can_be_read_back_as_utf8_plain_text()
    {
        host.Pages.Page("/text/seed", Seeds.Html(Canonical));
        var id = await StoreAsync(JsonContent.Create(new { url = host.Pages.Url("/text/seed") }));
        using var response = await Http.GetAsync($"/v1/articles/{id}/text");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        var quotes = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/quotes?max=9"))!["keyQuotes"]!.AsArray();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal((string)q!["text"]!, text[(int)q["start"]!..(int)q["end"]!]));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/articles/{new string('a', 52)}/text")).StatusCode);
    }

    [Fact]
    public async Task A_hundred_concurrent_digests_of_one_url_make_one_fetch()
    {
        host.Pages.Page("/concurrent/seed", Seeds.Html(Canonical));
        var url = host.Pages.Url("/concurrent/seed");
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Http.PostAsJsonAsync("/v1/digests", new { url })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, host.Pages.Hits("/concurrent/seed"));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task A_page_marked_no_cache_is_revalidated_with_its_etag_and_not_downloaded_again()
    {
        host.Pages.ConditionalPage("/etag/seed", Seeds.Html(Canonical), "\"seed-1\"", cacheControl: "no-cache");
        var first = await StoreAsync(JsonContent.Create(new { url = host.Pages.Url("/etag/seed") }));
        var second = await StoreAsync(JsonContent.Create(new { url = host.Pages.Url("/etag/seed") }));
        Assert.Equal(first, second);
        var requests = host.Pages.Requests.Where(r => r.Path == "/etag/seed").ToList();
        Assert.Equal(2, requests.Count);
        Assert.False(requests[0].Headers.ContainsKey("If-None-Match"));
        Assert.Equal("\"seed-1\"", requests[1].Headers["If-None-Match"]);
    }

    [Theory]
    [InlineData("""{"text":"Some text.","url":"https://example.com/"}""", new[] { "text", "url" })]
    [InlineData("""{"html":"<p>x</p>","url":"https://example.com/"}""", new[] { "html", "url" })]
    [InlineData("""{"text":"Some text.","html":"<p>x</p>"}""", new[] { "text", "html" })]
    [InlineData("""{"title":"Only a title"}""", new[] { "text", "html", "url" })]
    public async Task Exactly_one_of_text_html_and_url_is_required_and_the_problem_names_the_fields(string body, string[] fields)
    {
        foreach (var path in new[] { "/v1/digests", "/v1/articles" })
        {
            using var response = await Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            var problem = await Problem(response, HttpStatusCode.BadRequest, "malformed-request");
            Assert.Equal(fields.Order(), problem["errors"]!.AsObject().Select(e => e.Key).Order());
        }
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "metadata")]
    [InlineData("http://2130706433/", "IPv4")]
    [InlineData("http://0x7f.0.0.1/", "IPv4")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://[::ffff:10.0.0.1]/", "private")]
    [InlineData("http://192.168.0.1/", "private")]
    [InlineData("ftp://example.com/file", "scheme")]
    [InlineData("https://user:pw@example.com/", "userinfo")]
    [InlineData("https://example.com:8443/", "Port 8443")]
    [InlineData("not a url", "absolute")]
    public async Task Refused_urls_are_400_url_refused_with_the_reason_named(string url, string reason)
    {
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url });
        var problem = await Problem(response, HttpStatusCode.BadRequest, "url-refused");
        Assert.Contains(reason, (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Fact]
    public async Task A_loopback_address_outside_the_allowed_network_is_refused_without_a_connection()
    {
        var before = host.Pages.Connections;
        var port = host.Pages.BaseAddress.Port;
        using var response = await Http.PostAsJsonAsync("/v1/articles", new { url = $"http://127.0.0.2:{port}/anything" });
        await Problem(response, HttpStatusCode.BadRequest, "url-refused");
        Assert.Equal(before, host.Pages.Connections);
    }

    [Fact]
    public async Task A_redirect_to_the_metadata_address_is_400_url_refused()
    {
        using var redirect = await Http.PostAsJsonAsync("/v1/articles", new { url = host.Pages.Redirect("/to-metadata", "http://169.254.169.254/").Url("/to-metadata") });
        var problem = await Problem(redirect, HttpStatusCode.BadRequest, "url-refused");
        Assert.Contains("redirect", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, host.Pages.Hits("/to-metadata"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task An_upstream_error_is_502_fetch_failed_with_the_upstream_status(int status)
    {
        host.Pages.Map($"/status/{status}", c =>
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url($"/status/{status}") });
        var problem = await Problem(response, HttpStatusCode.BadGateway, "fetch-failed");
        Assert.Equal(status, (int)problem["upstreamStatus"]!);
    }

    [Fact]
    public async Task Too_many_redirects_are_502_fetch_failed()
    {
        host.Pages.Redirect("/loop/a", "/loop/b").Redirect("/loop/b", "/loop/a");
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url("/loop/a") });
        await Problem(response, HttpStatusCode.BadGateway, "fetch-failed");
    }

    [Fact]
    public async Task A_page_slower_than_the_time_limit_is_504_fetch_timeout()
    {
        host.Pages.Map("/slow", async c =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.StartAsync();
            while (!c.RequestAborted.IsCancellationRequested)
            {
                await c.Response.WriteAsync("<p>.", c.RequestAborted);
                await Task.Delay(200, c.RequestAborted);
            }
        });
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url("/slow") });
        await Problem(response, HttpStatusCode.GatewayTimeout, "fetch-timeout");
    }

    [Fact]
    public async Task A_page_over_the_size_limit_is_413_too_large()
    {
        host.Pages.Page("/huge", new byte[UrlHostFixture.MaxPageBytes + 1]);
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url("/huge") });
        var problem = await Problem(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
        Assert.Contains("MaxBodyBytes", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_page_of_another_content_type_is_415_unsupported_content_type()
    {
        host.Pages.Page("/doc.pdf", "%PDF-1.7"u8.ToArray(), "application/pdf");
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url("/doc.pdf") });
        await Problem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-content-type");
    }

    [Theory]
    [InlineData("/junk/cookie", "cookie-wall", "<html><body><div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all cookies to continue.</p><button>Accept</button></div></body></html>")]
    [InlineData("/junk/empty", "empty", "<html><head><title>Nothing</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>")]
    [InlineData("/junk/teaser", "teaser", "<html><body><article><h1>Council vote</h1><p>The council voted on Tuesday to expand the bus network to the northern suburbs.</p><p><a href=\"/full\">Read more</a></p></article></body></html>")]
    [InlineData("/junk/paywall", "paywall", "<html><body><article><h1>Council vote</h1><p>The city council voted on Tuesday to expand the bus network to the northern suburbs, ending a debate that had run for more than two years.</p><div class=\"paywall\"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div></article></body></html>")]
    public async Task A_page_without_an_article_is_422_no_article_with_the_reason(string path, string reason, string html)
    {
        host.Pages.Page(path, html);
        using var response = await Http.PostAsJsonAsync("/v1/digests", new { url = host.Pages.Url(path) });
        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity, "no-article");
        Assert.Equal(reason, (string?)problem["reason"]);
        using var html422 = await Http.PostAsJsonAsync("/v1/articles", new { html });
        await Problem(html422, HttpStatusCode.UnprocessableEntity, "no-article");
    }

    private async Task<string> StoreAsync(HttpContent content)
    {
        using var response = await Http.PostAsync("/v1/articles", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    private async Task<List<(string Text, string? Speaker)>> QuotesAsync(string id)
    {
        var quotes = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/quotes?max=9"))!["keyQuotes"]!.AsArray();
        return [.. quotes.Select(q => ((string)q!["text"]!, (string?)q["speaker"]))];
    }

    private static async Task<JsonNode> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status, string slug)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("https://summarizer.dev/problems/" + slug, (string?)problem["type"]);
        return problem;
    }
}
