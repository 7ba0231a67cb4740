using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Summarizer.Backends;

// SKEXP0010: the custom-endpoint constructor of the OpenAI connector is marked experimental; it is
// the documented way to reach a non-OpenAI server speaking the protocol.
#pragma warning disable SKEXP0010

/// <summary>OpenAI's own API: <c>Model</c> and <c>ApiKey</c>; <c>Endpoint</c> only to point elsewhere.</summary>
public sealed class OpenAIBackendProvider(IServiceProvider services) : ChatBackendProvider(services)
{
    public const string ProviderName = "OpenAI";

    public override string Provider => ProviderName;

    public override IEnumerable<string> Validate(string key, BackendOptions options) =>
        [.. Required(key, "Model", options?.Model), .. Required(key, "ApiKey", options?.ApiKey), .. OptionalUri(key, "Endpoint", options?.Endpoint)];

    public override IChatCompletionService CreateChatService(string name, BackendOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Endpoint)
            ? new OpenAIChatCompletionService(options.Model!, options.ApiKey!, organization: null, http, LoggerFactory)
            : new OpenAIChatCompletionService(options.Model!, new Uri(options.Endpoint), options.ApiKey, organization: null, http, LoggerFactory);
    }
}

/// <summary>
/// Any server speaking the OpenAI chat-completions protocol (vLLM, llama.cpp server, LM Studio):
/// <c>Endpoint</c> (up to <c>/v1</c>) and <c>Model</c>; <c>ApiKey</c> only if the server wants one.
/// </summary>
public sealed class OpenAICompatibleBackendProvider(IServiceProvider services) : ChatBackendProvider(services)
{
    public const string ProviderName = "OpenAICompatible";

    // The OpenAI client insists on a key; servers that check none ignore the header.
    private const string NoKey = "no-key";

    public override string Provider => ProviderName;

    public override IEnumerable<string> Validate(string key, BackendOptions options) =>
        [.. RequiredUri(key, "Endpoint", options?.Endpoint), .. Required(key, "Model", options?.Model)];

    public override IChatCompletionService CreateChatService(string name, BackendOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        return new OpenAIChatCompletionService(options.Model!, new Uri(options.Endpoint!), apiKey, organization: null, http, LoggerFactory);
    }
}
