using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Summarizer.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="PageFetcher"/> with <c>Summarizer:Fetch</c> options and its named client: no proxy,
    /// no automatic redirects (each is checked), no cookies, gzip/deflate/brotli, HTTP/1.1 or 2 (never 3),
    /// and <see cref="SafeConnector"/> as the connect callback. A registered
    /// <see cref="IHostAddressResolver"/> replaces the system DNS.
    /// </summary>
    public static IServiceCollection AddPageFetcher(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton(sp => new AddressClassifier(sp.GetRequiredService<IOptions<FetchOptions>>().Value.ParsedAllowedNetworks()));
        services.TryAddSingleton(sp => new UrlPolicy(sp.GetRequiredService<AddressClassifier>(), sp.GetRequiredService<IOptions<FetchOptions>>().Value.AllowedPorts));
        services.TryAddSingleton(sp => new SafeConnector(sp.GetRequiredService<AddressClassifier>(), sp.GetRequiredService<IHostAddressResolver>()));
        services.TryAddSingleton<PageFetcher>();
        services.AddHttpClient(PageFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                ConnectCallback = sp.GetRequiredService<SafeConnector>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxResponseHeadersLength = 64,
            });
        return services;
    }
}
