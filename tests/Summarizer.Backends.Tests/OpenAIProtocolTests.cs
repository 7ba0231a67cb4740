using Summarizer.Contracts;

namespace Summarizer.Backends.Tests;

/// <summary>The real SK OpenAI / Azure OpenAI connectors against a loopback server speaking their protocol.</summary>
public sealed class OpenAIProtocolTests
{
    private static SummaryRequest Brief => new(Seeds.Article, Seeds.Title, SummaryTarget.Brief(BriefLength.Short));

    [Fact]
    public async Task OpenAICompatible_request_carries_model_prompt_and_article_and_the_answer_becomes_the_brief()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server, "qwen-test"))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("qwen-test", request.Json["model"]!.GetValue<string>());
        var messages = request.Json["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("Write exactly 3 sentences", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var user = messages[1]!["content"]!.GetValue<string>();
        Assert.Contains(Seeds.Title, user, StringComparison.Ordinal);
        Assert.Contains(Seeds.Article, user, StringComparison.Ordinal);
        Assert.Equal(512, request.Json["max_tokens"]?.GetValue<int>() ?? request.Json["max_completion_tokens"]!.GetValue<int>());

        Assert.Equal(server.DefaultAnswer.Split('\n'), outcome.Answer.Sentences);
        Assert.Equal("vllm", outcome.AnsweredBy.Name);
        Assert.Equal("qwen-test", outcome.AnsweredBy.Model);
        Assert.False(outcome.Degraded);
        Assert.Equal(new TokenUsage(LoopbackModelServer.DefaultPromptTokens, LoopbackModelServer.DefaultCompletionTokens), outcome.Answer.Usage);
        Assert.Equal(LoopbackModelServer.DefaultPromptTokens, host.Counter("summarizer.backend.tokens.input"));
        Assert.Equal(LoopbackModelServer.DefaultCompletionTokens, host.Counter("summarizer.backend.tokens.output"));
        Assert.Equal(1, host.Counter("summarizer.backend.calls"));
    }

    [Fact]
    public async Task OpenAI_provider_sends_the_configured_key_as_bearer_token_and_reports_its_model()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var host = await BackendHost.StartAsync(Settings.With("openai", null, ("openai", Settings.OpenAI(server, "gpt-4o-mini"))));

        var outcome = await host.Invoker.SummarizeAsync("openai", Brief, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer sk-test-secret-key", request.Authorization);
        Assert.Equal("gpt-4o-mini", request.Json["model"]!.GetValue<string>());
        Assert.Equal("gpt-4o-mini", outcome.AnsweredBy.Model);
        Assert.Equal(3, outcome.Answer.Sentences.Count);
    }

    [Fact]
    public async Task AzureOpenAI_provider_calls_the_deployment_path_and_reports_the_deployment()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var host = await BackendHost.StartAsync(Settings.With("azure", null, ("azure", Settings.Azure(server, "brief-deploy"))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/openai/deployments/brief-deploy/chat/completions?api-version=", request.Path, StringComparison.Ordinal);
        Assert.Contains(Seeds.Article, request.Json["messages"]![1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("brief-deploy", outcome.AnsweredBy.Model);
        Assert.Equal(new TokenUsage(LoopbackModelServer.DefaultPromptTokens, LoopbackModelServer.DefaultCompletionTokens), outcome.Answer.Usage);
    }

    [Fact]
    public async Task Streaming_through_SSE_yields_the_answer_in_pieces_and_records_usage_from_the_last_chunk()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var pieces = new List<string>();
        await foreach (var piece in host.Invoker.StreamAsync(null, Brief, CancellationToken.None))
        {
            pieces.Add(piece);
        }

        Assert.True(pieces.Count > 1);
        Assert.Equal(server.DefaultAnswer, string.Concat(pieces));
        Assert.True(Assert.Single(server.Requests).Json["stream"]!.GetValue<bool>());
        Assert.Equal(LoopbackModelServer.DefaultPromptTokens, host.Counter("summarizer.backend.tokens.input"));
        Assert.Equal(LoopbackModelServer.DefaultCompletionTokens, host.Counter("summarizer.backend.tokens.output"));
    }

    [Fact]
    public async Task A_429_with_Retry_After_then_success_gives_one_answer_and_counts_the_retry()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(429, RetryAfterSeconds: 1));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", "extractive", ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.False(outcome.Degraded);
        Assert.Equal("vllm", outcome.AnsweredBy.Name);
        Assert.Equal(server.DefaultAnswer.Split('\n'), outcome.Answer.Sentences);
        Assert.Equal(1, host.Counter("summarizer.backend.retries"));
        Assert.Equal(0, host.Counter("summarizer.backend.fallbacks"));
    }

    [Fact]
    public async Task Persistent_500s_are_retried_then_the_fallback_answers_with_degraded_and_the_reason()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(500), new Step.Status(500), new Step.Status(500));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", "extractive", ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count); // first attempt + Retries (2)
        Assert.Equal(2, host.Counter("summarizer.backend.retries"));
        Assert.True(outcome.Degraded);
        Assert.Equal("extractive", outcome.AnsweredBy.Name);
        Assert.Contains("vllm", outcome.DegradedReason, StringComparison.Ordinal);
        Assert.Contains("500", outcome.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(3, outcome.Answer.Sentences.Count);
        Assert.Equal(1, host.Counter("summarizer.backend.fallbacks"));
    }

    [Fact]
    public async Task Persistent_500s_without_fallback_fail_as_a_bad_answer()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(500), new Step.Status(502), new Step.Status(500));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.BadAnswer, failure.Kind);
        Assert.Equal("vllm", failure.Backend);
        Assert.Equal(1, host.Counter("summarizer.backend.failures"));
    }

    [Fact]
    public async Task The_Azure_connector_makes_exactly_the_attempts_our_pipeline_allows()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Always = new Step.Status(503);
        await using var host = await BackendHost.StartAsync(Settings.With("azure", null, ("azure", Settings.Azure(server))));

        await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(3, server.Requests.Count); // 1 + Retries (2): the SDK's own retry policy is off
        Assert.Equal(2, host.Counter("summarizer.backend.retries"));
    }

    [Fact]
    public async Task Persistent_429s_without_fallback_fail_as_unavailable_with_Retry_After()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(429), new Step.Status(429), new Step.Status(429));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.Unavailable, failure.Kind);
        Assert.NotNull(failure.RetryAfter);
    }

    [Fact]
    public async Task Attempts_that_time_out_are_retried_then_fail_as_a_timeout_without_fallback()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Delay(TimeSpan.FromSeconds(30)), new Step.Delay(TimeSpan.FromSeconds(30)), new Step.Delay(TimeSpan.FromSeconds(30)));
        var options = Settings.OpenAICompatible(server);
        // Generous against a loaded CI machine: each attempt must reach the server before it times out.
        options["AttemptTimeoutSeconds"] = "1";
        options["TimeoutSeconds"] = "30";
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", options)));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.Timeout, failure.Kind);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, host.Counter("summarizer.backend.retries"));
    }

    [Fact]
    public async Task Timeouts_fall_back_with_degraded_when_a_fallback_is_configured()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Delay(TimeSpan.FromSeconds(30)), new Step.Delay(TimeSpan.FromSeconds(30)), new Step.Delay(TimeSpan.FromSeconds(30)));
        var options = Settings.OpenAICompatible(server);
        options["AttemptTimeoutSeconds"] = "0.2";
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", "extractive", ("vllm", options)));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.True(outcome.Degraded);
        Assert.Equal("extractive", outcome.AnsweredBy.Name);
        Assert.Contains("Timeout", outcome.DegradedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("")]
    [InlineData("   \n  \n")]
    [InlineData("1.\n2.\n3.")]
    [InlineData("overlong")]
    public async Task Malformed_empty_or_overlong_model_output_is_a_bad_answer_not_a_brief(string answer)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(answer switch
        {
            "malformed" => new Step.Malformed(),
            "overlong" => new Step.Answer(string.Join('\n', Enumerable.Repeat("The militias said more things again.", 40))),
            _ => new Step.Answer(answer),
        });
        var options = Settings.OpenAICompatible(server);
        options["Retries"] = "0";
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", options)));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.BadAnswer, failure.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Unusable_model_output_goes_to_the_fallback_when_one_is_configured()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Answer(""));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", "extractive", ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.True(outcome.Degraded);
        Assert.Equal("extractive", outcome.AnsweredBy.Name);
        Assert.Contains("BadAnswer", outcome.DegradedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_fail_as_unavailable_without_reaching_the_server()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then([.. Enumerable.Repeat<Step>(new Step.Status(500), 10)]);
        var options = Settings.OpenAICompatible(server);
        options["Retries"] = "0";
        options["FailureMemorySeconds"] = "0"; // the HTTP client's breaker alone (the invoker's memory would stop the calls sooner)
        options["CircuitBreakFailures"] = "0";
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", options)));

        for (var i = 0; i < 10; i++)
        {
            var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
            Assert.Equal(BackendFailureKind.BadAnswer, failure.Kind);
        }

        var open = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.Unavailable, open.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), open.RetryAfter);
        Assert.Equal(10, server.Requests.Count);
        Assert.Equal(1, host.Counter("summarizer.backend.circuit.opened"));
    }

    [Fact]
    public async Task A_full_queue_refuses_the_call_as_unavailable_with_Retry_After()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Delay(TimeSpan.FromSeconds(2)));
        var options = Settings.OpenAICompatible(server);
        options["MaxConcurrency"] = "1";
        options["MaxQueue"] = "0";
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", options)));

        var first = host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);
        await server.WhenAsync(s => s.Requests.Count > 0);

        var refused = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.Unavailable, refused.Kind);
        Assert.NotNull(refused.RetryAfter);
        Assert.Equal(1, host.Counter("summarizer.backend.rejected"));
        Assert.False((await first).Degraded);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_as_unavailable()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new Dictionary<string, string?> { ["Provider"] = "OpenAICompatible", ["Endpoint"] = $"http://127.0.0.1:{port}/v1", ["Model"] = "m", ["Retries"] = "1", ["RetryDelayMilliseconds"] = "10" };
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", options)));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.Unavailable, failure.Kind);
        Assert.Equal(1, host.Counter("summarizer.backend.retries"));
    }

    [Fact]
    public async Task A_failing_stream_surfaces_as_a_backend_failure_of_the_right_kind()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Always = new Step.Status(500);
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var failure = await Assert.ThrowsAsync<BackendFailureException>(async () =>
        {
            await foreach (var _ in host.Invoker.StreamAsync(null, Brief, CancellationToken.None))
            {
            }
        });

        Assert.Equal(BackendFailureKind.BadAnswer, failure.Kind);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Api_keys_never_appear_in_logs_even_at_trace_level_and_on_failures()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Status(401), new Step.Status(500), new Step.Status(500), new Step.Status(500));
        var logs = new CapturedLogs();
        var azure = Settings.Azure(server);
        azure["FailureMemorySeconds"] = "0"; // the third call must reach the server right after the second failed
        await using (var host = await BackendHost.StartAsync(Settings.With("openai", null, ("openai", Settings.OpenAI(server)), ("azure", azure)), logs))
        {
            await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync("openai", Brief, CancellationToken.None));
            await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync("azure", Brief, CancellationToken.None));
            await host.Invoker.SummarizeAsync("azure", Brief, CancellationToken.None);
        }

        Assert.True(logs.Count > 0);
        Assert.Contains("Backend openai failed", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-secret-key", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-test-secret-key", logs.All, StringComparison.Ordinal);
        Assert.Equal("azure-test-secret-key", server.Requests[^1].Headers("api-key"));
    }

    [Fact]
    public async Task Each_backend_call_is_a_span_with_backend_model_and_tokens()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == SummarizerMetrics.MeterName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var host = await BackendHost.StartAsync(Settings.With("traced-vllm", null, ("traced-vllm", Settings.OpenAICompatible(server, "span-model"))));

        await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        var span = Assert.Single(spans, a => a.GetTagItem("summarizer.backend") as string == "traced-vllm");
        Assert.Equal("span-model", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(LoopbackModelServer.DefaultPromptTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
    }
}
