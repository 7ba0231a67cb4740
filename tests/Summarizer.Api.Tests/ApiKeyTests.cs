using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summarizer.Api.Tests;

/// <summary>The embedded silo on real Kestrel with two API keys configured (as their SHA-256), logging everything.</summary>
public sealed class KeyedSiloFixture : IAsyncLifetime
{
    public const string Key = "test-key-Ae8f2kq9Zx";
    public const string OtherKey = "second-key-77Hh1pXw";

    private RunningHost? _host;

    public CapturedLogs Logs { get; } = new();

    public HttpClient Client => _host!.Http;

    public async Task InitializeAsync() =>
        _host = await EmbeddedSilo.StartAsync(
            b => b.Logging.AddProvider(Logs),
            $"--Summarizer:Auth:ApiKeys:0={ApiKeyRing.HashOf(Key)}",
            $"--Summarizer:Auth:ApiKeys:1={ApiKeyRing.HashOf(OtherKey).ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal)}",
            "--Logging:LogLevel:Default=Trace",
            "--Logging:LogLevel:Orleans=Warning");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
    }
}

public sealed class ApiKeyTests(KeyedSiloFixture host) : IClassFixture<KeyedSiloFixture>
{
    private const string Article = "The council met on Monday. It voted to close the bridge. \"We had no choice,\" said mayor Ana Ruiz.";

    private HttpClient Http => host.Client;

    public static TheoryData<string, string> V1Routes => new()
    {
        { "POST", "/v1/digests" },
        { "POST", "/v1/articles" },
        { "GET", "/v1/articles/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST" },
        { "GET", "/v1/articles/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST/brief/stream" },
        { "GET", "/v1/cluster" },
    };

    [Theory]
    [MemberData(nameof(V1Routes))]
    public async Task Every_v1_route_answers_401_problem_with_www_authenticate_without_a_key(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Text(Article) : null };
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.EndsWith("/unauthorized", (string?)problem["type"], StringComparison.Ordinal);
        Assert.Equal(401, (int)problem["status"]!);
    }

    [Fact]
    public async Task A_wrong_key_is_401_invalid_token_and_nothing_is_stored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/articles") { Content = Text(Article + " Wrong key.") };
        request.Headers.Add("X-Api-Key", KeyedSiloFixture.Key + "x");
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var get = Keyed(HttpMethod.Get, "/v1/articles/" + Summarizer.Text.ArticleId.Compute(Summarizer.Text.ArticleDocument.Parse(Article + " Wrong key.").Text), KeyedSiloFixture.Key, bearer: false);
        using var lookup = await Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Theory]
    [InlineData(false, KeyedSiloFixture.Key)]
    [InlineData(true, KeyedSiloFixture.Key)]
    [InlineData(false, KeyedSiloFixture.OtherKey)]
    [InlineData(true, KeyedSiloFixture.OtherKey)]
    public async Task A_configured_key_in_either_header_gets_200(bool bearer, string key)
    {
        using var request = Keyed(HttpMethod.Post, "/v1/digests", key, bearer);
        request.Content = Text(Article);
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["brief"] ?? "");
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_stay_open(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_need_a_key()
    {
        using var without = await Http.GetAsync("/metrics");
        using var with = await Http.SendAsync(Keyed(HttpMethod.Get, "/metrics", KeyedSiloFixture.Key, bearer: true));

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task OpenApi_declares_both_security_schemes_and_requires_them_on_v1()
    {
        var doc = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json"))!;
        var schemes = doc["components"]!["securitySchemes"]!;
        Assert.Equal("apiKey", (string?)schemes["ApiKey"]!["type"]);
        Assert.Equal("X-Api-Key", (string?)schemes["ApiKey"]!["name"]);
        Assert.Equal("header", (string?)schemes["ApiKey"]!["in"]);
        Assert.Equal("http", (string?)schemes["Bearer"]!["type"]);
        Assert.Equal("bearer", (string?)schemes["Bearer"]!["scheme"]);
        var digest = doc["paths"]!["/v1/digests"]!["post"]!;
        var required = digest["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
        Assert.Contains("ApiKey", required);
        Assert.Contains("Bearer", required);
        Assert.NotNull(digest["responses"]!["401"]);
    }

    [Fact]
    public async Task Keys_never_reach_the_logs()
    {
        using (var ok = Keyed(HttpMethod.Post, "/v1/digests", KeyedSiloFixture.Key, bearer: true))
        {
            ok.Content = Text(Article + " Logged?");
            (await Http.SendAsync(ok)).Dispose();
        }

        using (var bad = Keyed(HttpMethod.Get, "/v1/cluster", "wrong-" + KeyedSiloFixture.OtherKey, bearer: false))
        {
            (await Http.SendAsync(bad)).Dispose();
        }

        var lines = host.Logs.Lines;
        Assert.NotEmpty(lines); // trace logging is on: the requests were logged
        Assert.DoesNotContain(lines, l => l.Contains(KeyedSiloFixture.Key, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(KeyedSiloFixture.OtherKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plaintext_key_in_configuration_stops_the_host_at_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EmbeddedSilo.StartAsync("--Summarizer:Auth:ApiKeys:0=my-secret-key"));
        Assert.Contains("Summarizer:Auth:ApiKeys", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("my-secret-key", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_without_keys_refuses_to_start_unless_mode_none_is_explicit()
    {
        await using var app = Summarizer.Gateway.SummarizerGateway.Build(["--urls=" + LoopbackPorts.AnyPortUrl, "--Summarizer:Cluster:Mode=Embedded", $"--Orleans:GatewayPort={LoopbackPorts.Free()}"]);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Summarizer:Auth:ApiKeys", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mode=None", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keys_the_silo_says_at_start_that_it_serves_loopback_only()
    {
        var logs = new CapturedLogs();
        await using var silo = await EmbeddedSilo.StartAsync(b => b.Logging.AddProvider(logs));
        await silo.StopAsync();
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("loopback", StringComparison.Ordinal) && l.Contains("Summarizer:Auth:ApiKeys", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("192.168.1.20", false)]
    [InlineData("203.0.113.9", false)]
    public async Task Without_keys_only_loopback_clients_are_served_except_health(string address, bool served)
    {
        var services = new ServiceCollection()
            .AddSingleton(new ApiKeyRing(Options.Create(new AuthOptions())))
            .AddProblemDetails()
            .AddLogging()
            .BuildServiceProvider();
        foreach (var (path, open) in new[] { ("/v1/digests", served), ("/healthz", true) })
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            http.Response.Body = new MemoryStream();
            var reached = false;
            await LoopbackOnly.GuardAsync(http, _ =>
            {
                reached = true;
                return Task.CompletedTask;
            });
            Assert.Equal(open, reached);
            Assert.Equal(open ? 200 : 403, http.Response.StatusCode);
        }
    }

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string key, bool bearer)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }
}
