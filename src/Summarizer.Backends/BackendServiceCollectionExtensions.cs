using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddMetrics();
        services.TryAddSingleton<SummarizerMetrics>();
        services.TryAddSingleton<IBackendCatalog, BackendCatalog>();
        services.TryAddSingleton<IBackendInvoker, BackendInvoker>();
        return services;
    }
}
