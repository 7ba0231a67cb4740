using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;

namespace Summarizer.Backends;

/// <summary>Azure OpenAI: <c>Endpoint</c>, <c>Deployment</c> and <c>ApiKey</c>; <c>Model</c> is reported if given, else the deployment.</summary>
public sealed class AzureOpenAIBackendProvider(IServiceProvider services) : ChatBackendProvider(services)
{
    public const string ProviderName = "AzureOpenAI";

    public override string Provider => ProviderName;

    public override IEnumerable<string> Validate(string key, BackendOptions options) =>
        [.. RequiredUri(key, "Endpoint", options?.Endpoint), .. Required(key, "Deployment", options?.Deployment), .. Required(key, "ApiKey", options?.ApiKey)];

    public override IChatCompletionService CreateChatService(string name, BackendOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AzureOpenAIChatCompletionService(options.Deployment!, options.Endpoint!, options.ApiKey!, options.Model, http, LoggerFactory);
    }

    protected override string ModelOf(BackendOptions options) =>
        string.IsNullOrWhiteSpace(options?.Model) ? options?.Deployment ?? "" : options.Model;
}
