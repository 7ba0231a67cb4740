using Summarizer.Contracts;

namespace Summarizer.Backends.Tests;

/// <summary>OllamaSharp's IChatClient, as an SK chat service, against a loopback server speaking Ollama's <c>/api/chat</c>.</summary>
public sealed class OllamaProtocolTests
{
    private static SummaryRequest Brief => new(Seeds.Article, Seeds.Title, SummaryTarget.Brief(BriefLength.Medium));

    [Fact]
    public async Task Ollama_request_carries_model_prompt_and_article_and_the_answer_becomes_the_brief()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var host = await BackendHost.StartAsync(Settings.With("ollama", null, ("ollama", Settings.Ollama(server, "llama3.2"))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("llama3.2", request.Json["model"]!.GetValue<string>());
        var messages = request.Json["messages"]!.AsArray();
        Assert.Contains("Write exactly 5 sentences", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Seeds.Article, messages[1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(server.DefaultAnswer.Split('\n'), outcome.Answer.Sentences);
        Assert.Equal("llama3.2", outcome.AnsweredBy.Model);
        Assert.Equal("Ollama", outcome.AnsweredBy.Provider);
        Assert.Equal(new TokenUsage(LoopbackModelServer.DefaultPromptTokens, LoopbackModelServer.DefaultCompletionTokens), outcome.Answer.Usage);
        Assert.Equal(LoopbackModelServer.DefaultPromptTokens, host.Counter("summarizer.backend.tokens.input"));
    }

    [Fact]
    public async Task Ollama_streams_the_NDJSON_answer_in_pieces()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var host = await BackendHost.StartAsync(Settings.With("ollama", null, ("ollama", Settings.Ollama(server))));

        var pieces = new List<string>();
        await foreach (var piece in host.Invoker.StreamAsync("ollama", Brief, CancellationToken.None))
        {
            pieces.Add(piece);
        }

        Assert.True(pieces.Count > 1);
        Assert.Equal(server.DefaultAnswer, string.Concat(pieces));
        Assert.Equal("/api/chat", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Ollama_503s_go_through_the_same_retry_pipeline_then_the_fallback()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(503), new Step.Status(503), new Step.Status(503));
        await using var host = await BackendHost.StartAsync(Settings.With("ollama", "extractive", ("ollama", Settings.Ollama(server))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, host.Counter("summarizer.backend.retries"));
        Assert.True(outcome.Degraded);
        Assert.Equal("extractive", outcome.AnsweredBy.Name);
    }

    [Fact]
    public async Task Ollama_503s_without_fallback_surface_as_a_backend_failure()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(503), new Step.Status(503), new Step.Status(503));
        await using var host = await BackendHost.StartAsync(Settings.With("ollama", null, ("ollama", Settings.Ollama(server))));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal("ollama", failure.Backend);
        Assert.Equal(3, server.Requests.Count);
    }
}
