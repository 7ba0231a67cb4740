using System.Net;
using System.Text;

namespace Summarizer.Api.Tests;

/// <summary>An embedded silo with <c>Summarizer:Cors:AllowedOrigins</c> set.</summary>
public sealed class CorsHostFixture : IAsyncLifetime
{
    public const string Allowed = "https://app.example.com";

    private RunningHost? _host;

    public HttpClient Client => _host!.Http;

    public async Task InitializeAsync() =>
        _host = await EmbeddedSilo.StartAsync($"--Summarizer:Cors:AllowedOrigins:0={Allowed}", "--Summarizer:Cors:AllowedOrigins:1=http://localhost:3000");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
    }
}

/// <summary>CORS by configuration (issue 11): an allow-list of origins, none by default.</summary>
public sealed class CorsTests(CorsHostFixture cors) : IClassFixture<CorsHostFixture>
{
    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered()
    {
        using var response = await cors.Client.SendAsync(Preflight(CorsHostFixture.Allowed));

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        Assert.Equal(CorsHostFixture.Allowed, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("content-type", Single(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_from_an_allowed_origin_may_read_the_answer_and_its_location()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/articles")
        {
            Content = new StringContent("The bridge closed on Monday. It reopens in May " + Guid.NewGuid().ToString("N") + ".", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "http://localhost:3000");
        using var response = await cors.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("http://localhost:3000", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Location", Single(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://app.example.com.evil.example")]
    [InlineData("http://app.example.com")]
    public async Task Other_origins_get_no_cors_headers(string origin)
    {
        using var preflight = await cors.Client.SendAsync(Preflight(origin));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        get.Headers.Add("Origin", origin);
        using var simple = await cors.Client.SendAsync(get);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(simple.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configuration_no_origin_is_allowed()
    {
        await using var plain = await EmbeddedSilo.StartAsync();
        try
        {
            using var preflight = await plain.Http.SendAsync(Preflight(CorsHostFixture.Allowed));
            Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        }
        finally
        {
            await plain.StopAsync();
        }
    }

    [Theory]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/path")]
    [InlineData("ftp://app.example.com")]
    [InlineData("app.example.com")]
    public async Task A_bad_origin_stops_the_host_at_start_naming_the_key(string origin)
    {
        await using var data = new TempDirectory();

        // The options are read while the pipeline is built, so the host fails in Build, before it listens.
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = Summarizer.Silo.SummarizerSilo.Build([.. EmbeddedSilo.Args(data.Path), $"--Summarizer:Cors:AllowedOrigins:0={origin}"]);
            await app.StartAsync();
        });

        Assert.Contains("Summarizer:Cors:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/digests");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : "";
}
