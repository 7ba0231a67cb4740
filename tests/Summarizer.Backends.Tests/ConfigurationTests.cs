using Microsoft.Extensions.Options;

namespace Summarizer.Backends.Tests;

/// <summary>A configuration the service cannot run with stops the host at start, naming the key; secrets never appear.</summary>
public sealed class ConfigurationTests
{
    private const string Secret = "sk-very-secret-value-123";

    public static TheoryData<string, string, string> BadBackends => new()
    {
        // backend options as "key=value;..." → the key the message must name
        { "Provider=OpenAI;Model=gpt-4o-mini", "Summarizer:Backends:b:ApiKey", "missing" },
        { $"Provider=OpenAI;ApiKey={Secret}", "Summarizer:Backends:b:Model", "missing" },
        { $"Provider=AzureOpenAI;Endpoint=https://x.openai.azure.com/;ApiKey={Secret}", "Summarizer:Backends:b:Deployment", "missing" },
        { $"Provider=AzureOpenAI;Deployment=d;ApiKey={Secret}", "Summarizer:Backends:b:Endpoint", "missing" },
        { "Provider=AzureOpenAI;Endpoint=https://x.openai.azure.com/;Deployment=d", "Summarizer:Backends:b:ApiKey", "missing" },
        { "Provider=Ollama;Model=llama3.2", "Summarizer:Backends:b:Endpoint", "missing" },
        { "Provider=Ollama;Endpoint=http://ollama:11434", "Summarizer:Backends:b:Model", "missing" },
        { "Provider=Ollama;Endpoint=ollama:11434/x;Model=m", "Summarizer:Backends:b:Endpoint", "not an absolute http(s) URL" },
        { "Provider=OpenAICompatible;Model=m", "Summarizer:Backends:b:Endpoint", "missing" },
        { "Provider=OpenAICompatible;Endpoint=http://vllm:8000/v1", "Summarizer:Backends:b:Model", "missing" },
        { $"Provider=Anthropic;ApiKey={Secret}", "Summarizer:Backends:b:Provider", "known providers: AzureOpenAI, Extractive, Ollama, OpenAI, OpenAICompatible" },
        { "Provider=Ollama;Endpoint=http://o:1;Model=m;AttemptTimeoutSeconds=90;TimeoutSeconds=60", "Summarizer:Backends:b:AttemptTimeoutSeconds", "at most TimeoutSeconds" },
        { "Provider=Extractive;Embeddings=Word2Vec", "Summarizer:Backends:b:Embeddings", "names no known sentence embedder: 'Word2Vec'" },
    };

    [Theory]
    [MemberData(nameof(BadBackends))]
    public async Task Bad_backend_configuration_stops_the_host_at_start_naming_the_key(string options, string key, string why)
    {
        var settings = Settings.With("b", null, ("b", options.Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1])));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BackendHost.StartAsync(settings));

        var message = Assert.Single(error.Failures, f => f.StartsWith(key, StringComparison.Ordinal));
        Assert.Contains(why, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_or_fallback_that_is_not_configured_stops_the_host()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BackendHost.StartAsync(Settings.With("ollama", "nowhere")));

        Assert.Contains(error.Failures, f => f.StartsWith("Summarizer:Backend is 'ollama'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Summarizer:Fallback is 'nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_provider_is_accepted_with_its_required_keys()
    {
        var settings = Settings.With("extractive", "extractive",
            ("ollama", new() { ["Provider"] = "Ollama", ["Endpoint"] = "http://ollama:11434", ["Model"] = "llama3.2" }),
            ("openai", new() { ["Provider"] = "OpenAI", ["Model"] = "gpt-4o-mini", ["ApiKey"] = Secret }),
            ("azure", new() { ["Provider"] = "AzureOpenAI", ["Endpoint"] = "https://x.openai.azure.com/", ["Deployment"] = "d", ["ApiKey"] = Secret }),
            ("vllm", new() { ["Provider"] = "OpenAICompatible", ["Endpoint"] = "http://vllm:8000/v1", ["Model"] = "qwen" }));

        await using var host = await BackendHost.StartAsync(settings);

        Assert.Equal(["azure", "extractive", "ollama", "openai", "vllm"], host.Catalog.Names);
        Assert.Equal("gpt-4o-mini", host.Catalog.Get("openai").Model);
        Assert.Equal("d", host.Catalog.Get("azure").Model);
        Assert.Equal(PromptTemplates.Embedded.Version, host.Catalog.Get("vllm").PromptVersion);
    }

    [Fact]
    public async Task Each_backend_carries_the_limits_it_was_configured_with()
    {
        var settings = Settings.With("ollama", "extractive",
            ("ollama", new()
            {
                ["Provider"] = "Ollama", ["Endpoint"] = "http://ollama:11434", ["Model"] = "llama3.2",
                ["ContextTokens"] = "4096", ["MaxOutputTokens"] = "300", ["MaxConcurrency"] = "2", ["MaxQueue"] = "7",
                ["TimeoutSeconds"] = "40", ["AttemptTimeoutSeconds"] = "12", ["Retries"] = "1", ["RetryDelayMilliseconds"] = "250",
                ["CircuitBreakSeconds"] = "9", ["CircuitBreakFailures"] = "3", ["FailureMemorySeconds"] = "11",
                ["TokensPerMinute"] = "6000", ["BudgetWaitSeconds"] = "4",
            }),
            ("extractive", new() { ["Provider"] = "Extractive" }));

        await using var host = await BackendHost.StartAsync(settings);

        var limits = host.Catalog.Get("ollama").Limits;
        Assert.Equal((4096, 300, 2, 7), (limits.ContextTokens, limits.MaxOutputTokens, limits.MaxConcurrency, limits.MaxQueue));
        Assert.Equal((TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(12), 1, TimeSpan.FromMilliseconds(250)), (limits.Timeout, limits.AttemptTimeout, limits.Retries, limits.RetryDelay));
        Assert.Equal((TimeSpan.FromSeconds(9), 3, TimeSpan.FromSeconds(11)), (limits.CircuitBreak, limits.CircuitBreakFailures, limits.FailureMemory));
        Assert.Equal(new ClusterBudgetLimits(null, null, 6000, 64, TimeSpan.FromSeconds(4)), limits.ClusterBudget);
        Assert.Equal(BackendLimits.Default, host.Catalog.Get("extractive").Limits);
        Assert.Null(BackendLimits.Default.ClusterBudget);
        Assert.Same(limits, host.Catalog.Get("OLLAMA").Limits); // built once, not per lookup
    }
}
