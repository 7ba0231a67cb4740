using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Text;

namespace Summarizer.Eval.Tests;

/// <summary>
/// <c>summarizer-eval rouge --backend llm</c> on a long article runs the cluster's pipeline (plan,
/// map-reduce, streamed final reduce): the model server sees the same requests, body for body, as when
/// the article's brief is asked for through the API and the grains.
/// </summary>
public sealed class EvalMatchesClusterTests
{
    [Fact]
    public async Task Rouge_with_a_model_backend_on_a_long_article_makes_the_same_model_calls_as_the_grains()
    {
        await using var c = await LongArticleCluster.StartAsync(new LongArticleClusterSettings { Silos = 2 });
        var text = LongArticleText.WithChunks(new TokenChunker(c.Tokens), 6, c.InputBudget("llm"), 64, "eval-parity");

        // Through the cluster: store the article, ask for its short brief from backend llm.
        var before = c.Server.Requests.Count;
        using (var stored = await c.Http.PostAsync("/v1/articles", new StringContent(text, System.Text.Encoding.UTF8, "text/plain")))
        {
            stored.EnsureSuccessStatusCode();
            var id = JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            using var brief = await c.Http.GetAsync($"/v1/articles/{id}/brief?length=short&backend=llm");
            brief.EnsureSuccessStatusCode();
        }

        var throughGrains = c.Server.Requests.Skip(before).Select(r => r.Body).Order(StringComparer.Ordinal).ToList();

        // Through the CLI, with the silos' configuration in a --config file.
        await using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "long.jsonl");
        await File.WriteAllTextAsync(data, JsonSerializer.Serialize(new { id = "a1", dataset = "test", article = text, reference = "The council announced the budget." }) + "\n");
        var config = Path.Combine(dir.Path, "config.json");
        await File.WriteAllTextAsync(config, Nested(c.SiloConfiguration).ToJsonString());
        before = c.Server.Requests.Count;
        var root = new RootCommand { RougeCommand.Create() };
        var exit = await Task.Run(() => root.Parse(["rouge", "--data", data, "--backend", "llm", "--config", config, "--json"]).Invoke());
        Assert.Equal(0, exit);
        var throughEval = c.Server.Requests.Skip(before).Select(r => r.Body).Order(StringComparer.Ordinal).ToList();

        // 6 maps + 1 final reduce (streamed), and the very same requests.
        Assert.Equal(7, throughGrains.Count);
        Assert.Single(throughGrains, b => JsonNode.Parse(b)!["stream"]?.GetValue<bool>() == true);
        Assert.Equal(throughGrains, throughEval);
    }

    [Fact]
    public async Task Rouge_with_the_extractive_backend_lexical_or_with_MiniLM_writes_the_briefs_the_cluster_serves()
    {
        var embeddings = new Dictionary<string, string?>
        {
            ["Summarizer:Backends:minilm:Provider"] = "Extractive",
            ["Summarizer:Backends:minilm:Embeddings"] = "MiniLM",
        };
        await using var c = await LongArticleCluster.StartAsync(new LongArticleClusterSettings { Silos = 2, Configuration = embeddings });
        await using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "seed.jsonl");
        await File.WriteAllTextAsync(data, JsonSerializer.Serialize(new { id = "seed", dataset = "test", article = Seeds.Raw, reference = "US airstrikes hit militias." }) + "\n");
        var config = Path.Combine(dir.Path, "config.json");
        await File.WriteAllTextAsync(config, Nested(c.SiloConfiguration).ToJsonString());

        using var stored = await c.Http.PostAsync("/v1/articles", new StringContent(Seeds.Raw, System.Text.Encoding.UTF8, "text/plain"));
        stored.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        foreach (var backend in new[] { "extractive", "minilm" })
        {
            var served = JsonNode.Parse(await c.Http.GetStringAsync($"/v1/articles/{id}/brief?length=short&backend={backend}"))!;
            var output = Path.Combine(dir.Path, $"{backend}.jsonl");
            var root = new RootCommand { RougeCommand.Create() };
            var exit = await Task.Run(() => root.Parse(["rouge", "--data", data, "--backend", backend, "--config", config, "--out", output, "--json"]).Invoke());

            Assert.Equal(0, exit);
            var written = JsonNode.Parse((await File.ReadAllLinesAsync(output)).Single())!;
            Assert.Equal(served["sentences"]!.AsArray().Select(n => (string)n!), ((string)written["summary"]!).Split('\n'));
        }
    }

    /// <summary>Flat configuration keys (<c>a:b:c</c>) as the nested JSON a configuration file holds.</summary>
    private static JsonObject Nested(IReadOnlyDictionary<string, string?> flat)
    {
        var root = new JsonObject();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not JsonObject next)
                {
                    next = [];
                    node[part] = next;
                }

                node = next;
            }

            node[parts[^1]] = value;
        }

        return root;
    }
}
