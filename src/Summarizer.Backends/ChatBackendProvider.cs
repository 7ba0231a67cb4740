using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Summarizer.Backends;

/// <summary>
/// What the model providers share: a Semantic Kernel chat-completion service per backend, registered
/// keyed by the backend's name and built on that backend's resilient HttpClient, wrapped as an
/// <see cref="ISummaryBackend"/>. Each provider only says which keys it needs and how its service is made.
/// </summary>
public abstract class ChatBackendProvider(IServiceProvider services) : IBackendProvider
{
    public abstract string Provider { get; }

    protected IServiceProvider Services { get; } = services;

    public virtual IEnumerable<string> Validate(string key, BackendOptions options) => [];

    /// <summary>The provider's SK chat-completion service, on <paramref name="http"/> (resilience included).</summary>
    public abstract IChatCompletionService CreateChatService(string name, BackendOptions options, HttpClient http);

    public ISummaryBackend Create(string name, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chat = Services.GetRequiredKeyedService<IChatCompletionService>(name);
        var limits = BackendLimits.From(options);
        return new ChatCompletionBackend(name, Provider, ModelOf(options), chat, Settings(limits.MaxOutputTokens), limits, PromptTemplates.Embedded, Services.GetRequiredService<SummarizerMetrics>());
    }

    /// <summary>The model reported in responses and cache keys.</summary>
    protected virtual string ModelOf(BackendOptions options) => options?.Model ?? "";

    /// <summary>Deterministic, bounded answers.</summary>
    protected virtual PromptExecutionSettings Settings(int maxOutputTokens) =>
        new OpenAIPromptExecutionSettings { MaxTokens = maxOutputTokens, Temperature = 0 };

    protected ILoggerFactory LoggerFactory => Services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    protected static IEnumerable<string> Required(string key, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return $"{key}:{field} is missing.";
        }
    }

    protected static IEnumerable<string> RequiredUri(string key, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return $"{key}:{field} is missing.";
        }
        else if (!IsHttpUri(value))
        {
            yield return $"{key}:{field} '{value}' is not an absolute http(s) URL.";
        }
    }

    protected static IEnumerable<string> OptionalUri(string key, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : RequiredUri(key, field, value);

    private static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>Builds each LLM backend's SK service on its own named, resilient HttpClient.</summary>
internal sealed class ChatServiceFactory(
    Microsoft.Extensions.Options.IOptions<SummarizerOptions> options,
    IEnumerable<IBackendProvider> providers,
    IHttpClientFactory httpClients)
{
    public IChatCompletionService Create(string name)
    {
        if (!options.Value.Backends.TryGetValue(name, out var o))
        {
            throw new InvalidOperationException($"No backend '{name}' is configured.");
        }

        var provider = providers.OfType<ChatBackendProvider>().FirstOrDefault(p => string.Equals(p.Provider, o.Provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Backend '{name}' (provider '{o.Provider}') is not a chat-completion backend.");
        return provider.CreateChatService(name, o, httpClients.CreateClient(BackendHttpClients.ClientName(name)));
    }
}
