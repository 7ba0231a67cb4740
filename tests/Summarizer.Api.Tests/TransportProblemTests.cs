using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Summarizer.Api.Tests;

/// <summary>
/// Errors below the API (issue 11): charsets, broken transfer framing, and the responses Kestrel
/// writes itself (400/414/431/505) are all problem+json; user input is echoed bounded.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class TransportProblemTests(SiloHostFixture host)
{
    private const string Article = "The bridge closed on Monday. The council voted to rebuild it by May.";

    static TransportProblemTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private HttpClient Http => host.Client;

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF7")]
    [InlineData("x-unknown-charset")]
    [InlineData("\"\"")]
    public async Task Charsets_the_server_cannot_or_will_not_decode_are_415(string charset)
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Article));
        content.Headers.TryAddWithoutValidation("Content-Type", $"text/plain; charset={charset}");
        using var response = await Http.PostAsync("/v1/articles", content);

        if (charset == "\"\"")
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode); // an empty charset is no charset: UTF-8
            return;
        }

        var problem = await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.EndsWith("/unsupported-media-type", (string?)problem["type"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shift_jis", "橋は月曜日に閉鎖された。議会は五月までに再建を決めた。")]
    [InlineData("ibm037", "The bridge closed on Monday. The council voted to rebuild it by May.")]
    [InlineData("windows-1251", "Мост закрыли в понедельник. Совет решил его перестроить.")]
    [InlineData("utf-16", "The bridge closed on Monday. “We will rebuild it,” said Ana Ruiz.")]
    public async Task Bodies_in_other_charsets_are_decoded_as_declared(string charset, string text)
    {
        using var encoded = new ByteArrayContent(Encoding.GetEncoding(charset).GetBytes(text));
        encoded.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = charset };
        using var utf8 = new StringContent(text, Encoding.UTF8, "text/plain");

        using var a = await Http.PostAsync("/v1/articles", encoded);
        using var b = await Http.PostAsync("/v1/articles", utf8);

        Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, b.StatusCode); // the same text, so the same article, already stored
        var id = (string?)JsonNode.Parse(await a.Content.ReadAsStringAsync())!["id"];
        Assert.Equal((string?)JsonNode.Parse(await b.Content.ReadAsStringAsync())!["id"], id);
        Assert.Equal(text, await Http.GetStringAsync($"/v1/articles/{id}/text"));
    }

    [Fact]
    public async Task A_chunk_size_that_overflows_is_a_400_problem()
    {
        var (status, headers, body) = await RawAsync(
            $"POST /v1/digests HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n");

        AssertRawProblem(400, status, headers, body);
    }

    public static TheoryData<string, int> KestrelRejections => new()
    {
        { "GET /" + new string('a', 20_000) + " HTTP/1.1\r\nHost: h\r\n\r\n", 414 },
        { "GET /healthz HTTP/1.1\r\nHost: h\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n", 431 },
        { "GET /healthz HTTP/1.1\r\nHost: h\r\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"X-{i}: v\r\n")) + "\r\n", 431 },
        { "GET /healthz HTTP/1.1\r\nHost: h\r\nNo colon here\r\n\r\n", 400 },
        { "POST /v1/articles HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nabcde", 400 },
        { "POST /v1/articles HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400 },
        { "GET /healthz HTTP/1.1\r\n\r\n", 400 },
        { "GET /healthz HTTP/1.7\r\nHost: h\r\n\r\n", 505 },
    };

    [Theory]
    [MemberData(nameof(KestrelRejections))]
    public async Task Requests_the_web_server_rejects_get_problem_bodies(string request, int expected)
    {
        var (status, headers, body) = await RawAsync(request);

        AssertRawProblem(expected, status, headers, body);
    }

    [Fact]
    public async Task A_rejection_after_a_good_response_on_the_same_connection_gets_a_problem_body_and_the_first_is_untouched()
    {
        var (status, _, body) = await RawAsync(
            $"GET /healthz HTTP/1.1\r\nHost: h\r\n\r\nGET /{new string('a', 20_000)} HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(200, status);
        Assert.Contains("Healthy", body, StringComparison.Ordinal);
        var second = body[body.IndexOf("HTTP/1.1 414", StringComparison.Ordinal)..];
        Assert.Contains("Content-Type: application/problem+json", second, StringComparison.Ordinal);
        Assert.Contains("\"status\":414", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_backend_name_is_echoed_bounded()
    {
        var name = new string('x', 60_000); // the test host's body limit is 64 KB
        using var response = await Http.PostAsync("/v1/digests", new StringContent(
            "{\"text\": \"" + Article + "\", \"backend\": \"" + name + "\"}", Encoding.UTF8, "application/json"));

        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(raw.Length < 2_000, $"the problem is {raw.Length} characters long");
        Assert.Contains("60000 characters", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_type_full_of_escapes_is_echoed_escaped_and_bounded()
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Article));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-" + new string('y', 5000) + "\u001b[31m");
        using var response = await Http.PostAsync("/v1/articles", content);

        var problem = await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.EndsWith("/unsupported-media-type", (string?)problem["type"], StringComparison.Ordinal);
        var detail = (string)problem["detail"]!;
        Assert.True(detail.Length < 300, detail);
        Assert.DoesNotContain('\u001b', detail);
    }

    [Fact]
    public async Task A_title_over_the_limit_is_400_and_nothing_is_stored()
    {
        var text = Article + " " + Guid.NewGuid().ToString("N") + ".";
        var body = System.Text.Json.JsonSerializer.Serialize(new { text, title = new string('T', 513) });
        using var response = await Http.PostAsync("/v1/articles", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["title"]);
        var id = Summarizer.Text.ArticleId.Compute(Summarizer.Text.ArticleDocument.Parse(text).Text);
        using var read = await Http.GetAsync($"/v1/articles/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    private static void AssertRawProblem(int expected, int status, string headers, string body)
    {
        Assert.Equal(expected, status);
        Assert.Contains("content-type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        var json = body[body.IndexOf('{', StringComparison.Ordinal)..(body.LastIndexOf('}') + 1)];
        var problem = JsonNode.Parse(json)!;
        Assert.Equal(expected, (int)problem["status"]!);
        Assert.StartsWith("https://summarizer.dev/problems/", (string?)problem["type"], StringComparison.Ordinal);
    }

    /// <summary>Sends raw bytes and reads until the server closes the connection (every rejection closes it).</summary>
    private async Task<(int Status, string Headers, string Body)> RawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the response was sent (the server closed with unread request bytes) ends the read too.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        Assert.True(text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal), $"no response: '{text}'");
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var status = int.Parse(text[9..12], System.Globalization.CultureInfo.InvariantCulture);
        return (status, text[..headerEnd], text[(headerEnd + 4)..]);
    }

    private static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }
}
