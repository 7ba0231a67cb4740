using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Silo;

namespace Summarizer.Backends.Tests;

/// <summary>
/// The real silo host (<see cref="SummarizerSilo.Build"/>) started with configuration arguments only,
/// against loopback model servers: the backend swaps by configuration, failures reach the client as
/// ProblemDetails with the right status, and a fallback answer says it is degraded.
/// </summary>
[Collection(nameof(SiloEndToEndTests))]
public sealed class SiloEndToEndTests
{
    private static readonly string ArticleFile = Seeds.ArticleFile;

    [Fact]
    public async Task Changing_only_Summarizer_Backend_changes_which_backend_answers_the_digest()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        var backends = BackendArgs("vllm", Settings.OpenAICompatible(server, "qwen-test"));

        await using (var silo = await EmbeddedSilo.StartAsync([.. backends, "--Summarizer:Backend=extractive"]))
        {
            var digest = await PostDigestAsync(silo);
            Assert.Equal("extractive", digest["backend"]!["name"]!.GetValue<string>());
            Assert.Empty(server.Requests);
        }

        await using (var silo = await EmbeddedSilo.StartAsync([.. backends, "--Summarizer:Backend=vllm"]))
        {
            var digest = await PostDigestAsync(silo);
            Assert.Equal("vllm", digest["backend"]!["name"]!.GetValue<string>());
            Assert.Equal("qwen-test", digest["backend"]!["model"]!.GetValue<string>());
            Assert.Equal(server.DefaultAnswer.Replace('\n', ' '), digest["brief"]!.GetValue<string>());
            Assert.False(digest["degraded"]!.GetValue<bool>());
            var quote = Assert.Single(digest["keyQuotes"]!.AsArray());
            Assert.True(quote!["verified"]!.GetValue<bool>());
            Assert.Equal(2, server.Requests.Count); // the brief and the key-quote choice
            Assert.All(server.Requests, r => Assert.Equal("qwen-test", r.Json["model"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Summarizer_Backend_ollama_alone_switches_to_the_ollama_backend_of_appsettings()
    {
        await using var server = await LoopbackModelServer.StartAsync();

        // Only the endpoint is pointed at the loopback server; provider and model come from appsettings.json.
        await using var silo = await EmbeddedSilo.StartAsync(["--Summarizer:Backend=ollama", $"--Summarizer:Backends:ollama:Endpoint={server.BaseUri}"]);
        var digest = await PostDigestAsync(silo);

        Assert.Equal("ollama", digest["backend"]!["name"]!.GetValue<string>());
        Assert.Equal("llama3.2", digest["backend"]!["model"]!.GetValue<string>());
        Assert.Equal(server.DefaultAnswer.Replace('\n', ' '), digest["brief"]!.GetValue<string>());
        Assert.All(server.Requests, r => Assert.Equal("/api/chat", r.Path));

        server.QuoteAnswer = """[{"index": 0, "text": ""}, {"index": 1, "text": "This quote is not in the article at all."}]""";
        var id = digest["articleId"]!.GetValue<string>();
        var quotes = JsonNode.Parse(await silo.Http.GetStringAsync(new Uri($"/v1/articles/{id}/quotes?max=4", UriKind.Relative)))!;
        Assert.Equal("ollama", quotes["backend"]!["name"]!.GetValue<string>());
        Assert.False(quotes["degraded"]!.GetValue<bool>());
        var kept = Assert.Single(quotes["keyQuotes"]!.AsArray());
        Assert.True(kept!["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Backend_failures_reach_the_client_as_502_503_and_504_problem_details_without_fallback()
    {
        await using var broken = await LoopbackModelServer.StartAsync();
        broken.Always = new Step.Status(500);
        await using var limited = await LoopbackModelServer.StartAsync();
        limited.Always = new Step.Status(429);
        await using var slow = await LoopbackModelServer.StartAsync();
        slow.Always = new Step.Delay(TimeSpan.FromSeconds(30));
        var slowOptions = Settings.OpenAICompatible(slow);
        slowOptions["AttemptTimeoutSeconds"] = "0.2";
        slowOptions["Retries"] = "1";
        await using var silo = await EmbeddedSilo.StartAsync([
            "--Summarizer:Backend=extractive", "--Summarizer:Fallback=",
            .. BackendArgs("broken", Settings.OpenAICompatible(broken)),
            .. BackendArgs("limited", Settings.Ollama(limited)),
            .. BackendArgs("slow", slowOptions),
        ]);
        var id = await StoreArticleAsync(silo);

        await AssertProblemAsync(silo, $"/v1/articles/{id}/brief?backend=broken", HttpStatusCode.BadGateway, "backend-error");
        var unavailable = await AssertProblemAsync(silo, $"/v1/articles/{id}/brief?backend=limited", HttpStatusCode.ServiceUnavailable, "backend-unavailable");
        Assert.NotNull(unavailable.Headers.RetryAfter);
        await AssertProblemAsync(silo, $"/v1/articles/{id}/brief?backend=slow", HttpStatusCode.GatewayTimeout, "backend-timeout");
        var unknown = await AssertProblemAsync(silo, $"/v1/articles/{id}/brief?backend=nope", HttpStatusCode.BadRequest, "unknown-backend");
        var available = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["available"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(["broken", "extractive", "limited", "ollama", "slow"], available);
    }

    [Fact]
    public async Task A_failing_backend_is_answered_by_the_fallback_and_the_response_says_degraded()
    {
        await using var broken = await LoopbackModelServer.StartAsync();
        broken.Always = new Step.Status(500);
        await using var silo = await EmbeddedSilo.StartAsync([
            "--Summarizer:Backend=broken", "--Summarizer:Fallback=extractive",
            .. BackendArgs("broken", Settings.OpenAICompatible(broken)),
        ]);

        var digest = await PostDigestAsync(silo);

        Assert.True(digest["degraded"]!.GetValue<bool>());
        Assert.Equal("extractive", digest["backend"]!["name"]!.GetValue<string>());
        Assert.Contains("broken", digest["degradedReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, digest["sentences"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_silo_refuses_to_start_when_a_backend_lacks_its_key_and_names_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EmbeddedSilo.StartAsync([
            "--Summarizer:Backend=openai",
            "--Summarizer:Backends:openai:Provider=OpenAI",
            "--Summarizer:Backends:openai:Model=gpt-4o-mini",
        ]));

        Assert.Contains("Summarizer:Backends:openai:ApiKey is missing.", error.Failures);
    }

    private static IEnumerable<string> BackendArgs(string name, Dictionary<string, string?> options) =>
        options.Select(kv => $"--Summarizer:Backends:{name}:{kv.Key}={kv.Value}");

    private static async Task<JsonObject> PostDigestAsync(RunningHost silo)
    {
        using var content = new StringContent(await File.ReadAllTextAsync(ArticleFile), Encoding.UTF8, "text/plain");
        using var response = await silo.Http.PostAsync(new Uri("/v1/digests?maxQuotes=3", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string> StoreArticleAsync(RunningHost silo)
    {
        using var content = new StringContent(await File.ReadAllTextAsync(ArticleFile), Encoding.UTF8, "text/plain");
        using var response = await silo.Http.PostAsync(new Uri("/v1/articles", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> AssertProblemAsync(RunningHost silo, string path, HttpStatusCode status, string type)
    {
        var response = await silo.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{path}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://summarizer.dev/problems/" + type, JsonNode.Parse(body)!["type"]!.GetValue<string>());
        return response;
    }
}
