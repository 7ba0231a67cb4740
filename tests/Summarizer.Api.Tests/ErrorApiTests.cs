using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Summarizer.Api.Tests;

/// <summary>Every bad input gets the right status as RFC 9457 problem details, and loses nothing.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class ErrorApiTests(SiloHostFixture host)
{
    private const string SomeArticle = "The museum opened a new wing on Saturday. Crowds filled the halls. \"It is wonderful,\" said curator Ana Ruiz.";

    private HttpClient Http => host.Client;

    public static TheoryData<string, string, HttpStatusCode, string> BadBodies => new()
    {
        { "application/json", "{\"text\": \"unterminated", HttpStatusCode.BadRequest, "malformed-request" },
        { "application/json", "[1,2,3]", HttpStatusCode.BadRequest, "malformed-request" },
        { "application/json", "null", HttpStatusCode.BadRequest, "malformed-request" },
        { "application/json", "{\"text\": 42}", HttpStatusCode.BadRequest, "malformed-request" },
        { "application/json", "{\"title\": \"no text\"}", HttpStatusCode.BadRequest, "malformed-request" },
        { "application/json", "{\"text\": \"   \"}", HttpStatusCode.BadRequest, "malformed-request" },
        { "text/plain", "", HttpStatusCode.BadRequest, "malformed-request" },
        { "application/json", "{\"text\": \"... --- !!! ???\"}", HttpStatusCode.UnprocessableEntity, "no-article-text" },
        { "text/plain", "— … —", HttpStatusCode.UnprocessableEntity, "no-article-text" },
        { "application/json", "{\"text\": \"A sentence.\", \"length\": \"huge\"}", HttpStatusCode.BadRequest, "invalid-parameter" },
        { "application/json", "{\"text\": \"A sentence.\", \"maxQuotes\": -1}", HttpStatusCode.BadRequest, "invalid-parameter" },
        { "application/json", "{\"text\": \"A sentence.\", \"maxQuotes\": 1000}", HttpStatusCode.BadRequest, "invalid-parameter" },
        { "application/json", "{\"text\": \"A sentence.\", \"backend\": \"gpt-17\"}", HttpStatusCode.BadRequest, "unknown-backend" },
        { "application/xml", "<article>A sentence.</article>", HttpStatusCode.UnsupportedMediaType, "" },
        { "image/png", "x", HttpStatusCode.UnsupportedMediaType, "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_digest_bodies_get_problem_details(string contentType, string body, HttpStatusCode status, string type)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await Http.PostAsync("/v1/digests", content);

        var problem = await AssertProblem(response, status);
        if (type.Length > 0)
        {
            Assert.EndsWith("/" + type, (string?)problem["type"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_length_names_the_field()
    {
        using var response = await Http.PostAsync("/v1/digests", Json("{\"text\": \"A sentence.\", \"length\": \"huge\"}"));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["length"]);
    }

    [Fact]
    public async Task Unknown_backend_lists_the_configured_ones()
    {
        using var response = await Http.PostAsync("/v1/digests", Json("{\"text\": \"A sentence here.\", \"backend\": \"gpt-17\"}"));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("extractive", problem["available"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413_from_its_declared_length()
    {
        var big = new string('a', SiloHostFixture.MaxBodyBytes + 1);
        using var response = await Http.PostAsync("/v1/digests", new StringContent(big, Encoding.UTF8, "text/plain"));
        var problem = await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MaxBodyBytes", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_refused_with_413_before_it_is_read_whole()
    {
        // No Content-Length and no final chunk: the server must count as it reads and answer 413
        // once the limit is passed, without waiting for a body that never ends.
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = $"POST /v1/articles HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = Encoding.ASCII.GetBytes($"{4096:x}\r\n{new string('a', 4096)}\r\n");
        for (var sent = 0; sent <= SiloHostFixture.MaxBodyBytes + 4096; sent += 4096)
        {
            await stream.WriteAsync(chunk);
        }

        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var statusLine = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith("HTTP/1.1 413", statusLine, StringComparison.Ordinal);
        string? line;
        var contentType = "";
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(timeout.Token)))
        {
            if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line["Content-Type:".Length..].Trim();
            }
        }

        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/articles/abc")]
    [InlineData("/v1/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/v1/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/brief")]
    [InlineData("/v1/articles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/quotes")]
    [InlineData("/v1/nothing-here")]
    public async Task Unknown_ids_and_routes_are_404_problems(string path)
    {
        using var response = await Http.GetAsync(path);
        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("brief?length=tiny", "length")]
    [InlineData("quotes?max=abc", "max")]
    [InlineData("quotes?max=-2", "max")]
    [InlineData("quotes?max=51", "max")]
    public async Task Bad_query_parameters_are_400_naming_the_field(string query, string field)
    {
        var id = await StoreAsync(SomeArticle);
        using var response = await Http.GetAsync($"/v1/articles/{id}/{query}");
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_failed_request_leaves_the_stored_article_and_its_cache_intact()
    {
        var id = await StoreAsync(SomeArticle);
        var before = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/brief"))!;

        using (await Http.GetAsync($"/v1/articles/{id}/brief?backend=nope")) { }
        using (await Http.GetAsync($"/v1/articles/{id}/brief?length=tiny")) { }
        using (await Http.PostAsync("/v1/digests", Json("{\"text\": " + System.Text.Json.JsonSerializer.Serialize(SomeArticle) + ", \"maxQuotes\": 999}"))) { }

        var after = JsonNode.Parse(await Http.GetStringAsync($"/v1/articles/{id}/brief"))!;
        Assert.Equal((string?)before["brief"], (string?)after["brief"]);
        Assert.True((bool)after["cached"]!);
        using var meta = await Http.GetAsync($"/v1/articles/{id}");
        Assert.Equal(HttpStatusCode.OK, meta.StatusCode);
    }

    private async Task<string> StoreAsync(string text)
    {
        using var response = await Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.True(response.IsSuccessStatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.StartsWith("https://summarizer.dev/problems/", (string?)problem["type"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        return problem;
    }
}
