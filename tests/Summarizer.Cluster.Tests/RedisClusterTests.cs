using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Summarizer.Cluster.Tests;

/// <summary>Silos in Redis mode (membership + grain storage in a real Redis-protocol server) and the gateway.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisClusterTests(RedisServerFixture redis)
{
    private static readonly string Seed = Seeds.Raw;

    [Fact]
    public async Task An_article_written_through_one_silo_is_read_through_the_other_after_the_first_stops()
    {
        var hosts = new ClusterHosts(redis.ConnectionString);
        var text = Seed + "\n\nWritten through silo A " + hosts.ClusterId + ".";
        string id;
        await using (var a = await hosts.StartSiloAsync())
        {
            // A is the only silo, so the article grain is activated (and its state written) there.
            var stored = await PostDigestAsync(a.Http, text);
            Assert.False(stored.GetProperty("cached").GetBoolean());
            id = stored.GetProperty("articleId").GetString()!;

            await using var b = await hosts.StartSiloAsync();
            await Eventually.TrueAsync(async () => await ClusterHosts.ActiveSilosAsync(b.Http) == 2, TimeSpan.FromSeconds(30));
            await a.StopAsync();
            await Eventually.TrueAsync(async () => await ClusterHosts.ActiveSilosAsync(b.Http) == 1, TimeSpan.FromSeconds(30));

            using var info = await b.Http.GetAsync(new Uri($"/v1/articles/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, info.StatusCode);
            var brief = await b.Http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/articles/{id}/brief", UriKind.Relative));
            Assert.True(brief.GetProperty("cached").GetBoolean(), "the brief computed through silo A comes from Redis through silo B");
            Assert.Equal(stored.GetProperty("brief").GetString(), brief.GetProperty("brief").GetString());
            await b.StopAsync();
        }
    }

    [Fact]
    public async Task State_survives_a_full_restart_of_both_silos_and_the_gateway_reconnects()
    {
        var hosts = new ClusterHosts(redis.ConnectionString);
        var text = Seed + "\n\nRestart check " + hosts.ClusterId + ".";
        await using var gateway = await hosts.StartGatewayAsync(waitForStart: false);

        var a = await hosts.StartSiloAsync();
        var b = await hosts.StartSiloAsync();
        await Eventually.TrueAsync(async () => await ReadyAsync(gateway) && await ClusterHosts.ActiveSilosAsync(gateway.Http) == 2, TimeSpan.FromSeconds(60));
        var first = await PostDigestAsync(gateway.Http, text);
        Assert.False(first.GetProperty("cached").GetBoolean());

        await Task.WhenAll(a.StopAsync(), b.StopAsync());
        await a.DisposeAsync();
        await b.DisposeAsync();
        await Eventually.TrueAsync(async () => !await ReadyAsync(gateway), TimeSpan.FromSeconds(30));

        await using var a2 = await hosts.StartSiloAsync();
        await using var b2 = await hosts.StartSiloAsync();
        await Eventually.TrueAsync(() => ReadyAsync(gateway), TimeSpan.FromSeconds(60));
        var again = await PostDigestAsync(gateway.Http, text);
        Assert.True(again.GetProperty("cached").GetBoolean(), "the digest cached before the restart is read back from Redis");
        Assert.Equal(first.GetProperty("articleId").GetString(), again.GetProperty("articleId").GetString());
        Assert.Equal(first.GetProperty("brief").GetString(), again.GetProperty("brief").GetString());
        await gateway.StopAsync();
        await Task.WhenAll(a2.StopAsync(), b2.StopAsync());
    }

    [Fact]
    public async Task Gateway_is_not_ready_with_no_silo_and_ready_with_one_which_both_hosts_list()
    {
        var hosts = new ClusterHosts(redis.ConnectionString);
        await using var gateway = await hosts.StartGatewayAsync(waitForStart: false);
        Assert.Equal(HttpStatusCode.OK, await gateway.TryGetAsync("/healthz"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await gateway.TryGetAsync("/readyz"));

        await using var silo = await hosts.StartSiloAsync();
        Assert.True(await ReadyAsync(silo), "a started silo is Active, so ready");
        await Eventually.TrueAsync(() => ReadyAsync(gateway), TimeSpan.FromSeconds(60));
        Assert.Equal(1, await ClusterHosts.ActiveSilosAsync(gateway.Http));
        Assert.Equal(1, await ClusterHosts.ActiveSilosAsync(silo.Http));
        await gateway.StopAsync();
        await silo.StopAsync();
    }

    [Fact]
    public async Task Gateway_answers_503_cluster_unavailable_before_it_has_reached_any_silo()
    {
        var hosts = new ClusterHosts(redis.ConnectionString);
        await using var gateway = await hosts.StartGatewayAsync(waitForStart: false);
        using var response = await gateway.Http.GetAsync(new Uri("/v1/articles/" + new string('a', 52), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cluster-unavailable", body, StringComparison.Ordinal);
        Assert.Equal("2", response.Headers.RetryAfter?.ToString());
        await gateway.StopAsync();
    }

    [Fact]
    public async Task Gateway_gives_up_on_an_idempotent_call_after_its_attempt_deadlines_even_when_the_method_asks_for_a_longer_timeout()
    {
        // GetKeyQuotesAsync carries [ResponseTimeout(5 min)], which beats the client's response
        // timeout; only the gateway's per-attempt deadline (through the CancellationToken) ends it.
        // The model answers after 15 s; the gateway allows 1 s per attempt and 2 attempts. (The brief's
        // computation is shared by all waiters, so it runs on: tear-down waits for the model's answer.)
        await using var model = await ClusterHosts.StartFixedLatencyModelAsync(TimeSpan.FromSeconds(15));
        var hosts = new ClusterHosts(redis.ConnectionString);
        await using var silo = await hosts.StartSiloAsync(
            configure: null, ClusterHosts.ModelBackendArgs(model.Endpoint, "slow", "TimeoutSeconds=60"));
        await using var gateway = await hosts.StartGatewayAsync(true,
            "--Summarizer:Gateway:ResponseTimeoutSeconds=1", "--Summarizer:Gateway:MaxAttempts=2", "--Summarizer:Gateway:RetryBudgetSeconds=10");
        using var content = new StringContent(Seed + "\n\nDeadline check " + hosts.ClusterId + ".", Encoding.UTF8, "text/plain");
        using var stored = await gateway.Http.PostAsync(new Uri("/v1/articles", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var id = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var brief = await gateway.Http.GetAsync(new Uri($"/v1/articles/{id}/quotes", UriKind.Relative));
        var body = await brief.Content.ReadAsStringAsync();
        Assert.True(brief.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)brief.StatusCode} {body}");
        Assert.Contains("cluster-unavailable", body, StringComparison.Ordinal);

        // The gateway gave up before the model answered (its 15 s latency): the model was called,
        // and no call has been answered, so the attempt deadlines, not the answer, ended the request.
        Assert.True(model.Started >= 1, "the model was called");
        Assert.DoesNotContain(model.Calls, c => c.Completed);
        await gateway.StopAsync();
        await silo.StopAsync();
    }

    private static async Task<bool> ReadyAsync(RunningHost host) =>
        await host.TryGetAsync("/readyz") == HttpStatusCode.OK;

    private static async Task<JsonElement> PostDigestAsync(HttpClient http, string text)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri("/v1/digests", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /v1/digests: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
