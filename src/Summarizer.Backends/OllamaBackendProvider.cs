using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OllamaSharp;

namespace Summarizer.Backends;

/// <summary>
/// A local Ollama server: <c>Endpoint</c> and <c>Model</c>. Semantic Kernel's Ollama connector is not
/// served here, so OllamaSharp's <c>IChatClient</c> becomes the SK service (<c>AsChatCompletionService</c>).
/// </summary>
public sealed class OllamaBackendProvider(IServiceProvider services) : ChatBackendProvider(services)
{
    public const string ProviderName = "Ollama";

    public override string Provider => ProviderName;

    public override IEnumerable<string> Validate(string key, BackendOptions options) =>
        [.. RequiredUri(key, "Endpoint", options?.Endpoint), .. Required(key, "Model", options?.Model)];

    public override IChatCompletionService CreateChatService(string name, BackendOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        http.BaseAddress = new Uri(options.Endpoint!);
        return new OllamaApiClient(http, options.Model!).AsChatCompletionService(Services);
    }

    // IChatClient-based services read these keys into ChatOptions.
    protected override PromptExecutionSettings Settings(int maxOutputTokens) => new()
    {
        ExtensionData = new Dictionary<string, object> { ["max_tokens"] = maxOutputTokens, ["temperature"] = 0.0 },
    };
}
