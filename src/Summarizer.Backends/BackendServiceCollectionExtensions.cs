using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Summarizer.Backends;

public static class BackendServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Summarizer</c>, validates it at start, and registers every provider and the catalog.
    /// With no backend configured at all, an <c>extractive</c> backend is configured, so the service runs
    /// with no model server and no key.
    /// </summary>
    public static IServiceCollection AddSummarizerBackends(this IServiceCollection services)
    {
        // SK's GenAI spans and metrics (model, token counts; not the prompt or answer, which the
        // "Sensitive" switch would add). SK reads the switch once, so it is set before any use.
        AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);
        services.AddOptions<SummarizerOptions>()
            .BindConfiguration(SummarizerOptions.SectionName)
            .PostConfigure(o =>
            {
                if (o.Backends.Count == 0)
                {
                    o.Backends["extractive"] = new BackendOptions { Provider = ExtractiveBackend.ProviderName };
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SummarizerOptions>, SummarizerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendProvider, ExtractiveBackendProvider>());
        services.AddOllamaBackends().AddOpenAIBackends().AddAzureOpenAIBackends().AddOpenAICompatibleBackends();
        services.AddMetrics();
        services.TryAddSingleton<SummarizerMetrics>();
        services.TryAddSingleton<IBackendCatalog, BackendCatalog>();
        services.TryAddSingleton<IBackendBudget, NoBackendBudget>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackendFailureMemory>();
        services.TryAddSingleton<IBackendInvoker, BackendInvoker>();
        return services;
    }

    /// <summary>Provider <c>Ollama</c>: a local Ollama server through OllamaSharp.</summary>
    public static IServiceCollection AddOllamaBackends(this IServiceCollection services) =>
        services.AddChatBackendProvider<OllamaBackendProvider>();

    /// <summary>Provider <c>OpenAI</c>: OpenAI's API through SK's OpenAI connector.</summary>
    public static IServiceCollection AddOpenAIBackends(this IServiceCollection services) =>
        services.AddChatBackendProvider<OpenAIBackendProvider>();

    /// <summary>Provider <c>AzureOpenAI</c>: an Azure OpenAI deployment through SK's Azure OpenAI connector.</summary>
    public static IServiceCollection AddAzureOpenAIBackends(this IServiceCollection services) =>
        services.AddChatBackendProvider<AzureOpenAIBackendProvider>();

    /// <summary>Provider <c>OpenAICompatible</c>: vLLM, llama.cpp server, LM Studio... through SK's OpenAI connector.</summary>
    public static IServiceCollection AddOpenAICompatibleBackends(this IServiceCollection services) =>
        services.AddChatBackendProvider<OpenAICompatibleBackendProvider>();

    /// <summary>
    /// What every model provider needs once: its provider, a resilient named HttpClient per backend,
    /// and the SK chat-completion service keyed by backend name (built on first use).
    /// </summary>
    private static IServiceCollection AddChatBackendProvider<TProvider>(this IServiceCollection services)
        where TProvider : ChatBackendProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendProvider, TProvider>());
        if (services.Any(d => d.ServiceType == typeof(ChatServiceFactory)))
        {
            return services;
        }

        services.AddHttpClient();
        services.AddMetrics();
        services.TryAddSingleton<SummarizerMetrics>();
        services.TryAddSingleton<BackendHttpClients>();
        services.AddSingleton<IConfigureOptions<HttpClientFactoryOptions>>(sp => sp.GetRequiredService<BackendHttpClients>());
        services.TryAddSingleton<ChatServiceFactory>();
        services.AddKeyedSingleton<IChatCompletionService>(KeyedService.AnyKey,
            (sp, key) => sp.GetRequiredService<ChatServiceFactory>().Create(key as string ?? throw new InvalidOperationException("A chat-completion service is keyed by backend name.")));
        return services;
    }
}
