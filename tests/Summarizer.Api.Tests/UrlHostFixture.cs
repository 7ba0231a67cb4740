using System.Globalization;
using Summarizer.Testing.PageServers;

namespace Summarizer.Api.Tests;

/// <summary>
/// A loopback page server and the real embedded silo configured to reach it: 127.0.0.1/32 in
/// Summarizer:Fetch:AllowedNetworks and its port in AllowedPorts (nothing else opens loopback),
/// a 3 s fetch time limit and a 1 MB page limit.
/// </summary>
public sealed class UrlHostFixture : IAsyncLifetime
{
    public const int MaxPageBytes = 1024 * 1024;

    private RunningHost? _host;

    public LoopbackPageServer Pages { get; private set; } = null!;

    public HttpClient Client => _host!.Http;

    public async Task InitializeAsync()
    {
        Pages = await LoopbackPageServer.StartAsync();
        _host = await EmbeddedSilo.StartAsync(
            "--Summarizer:Fetch:AllowedNetworks:0=127.0.0.1/32",
            "--Summarizer:Fetch:AllowedPorts:0=" + Pages.BaseAddress.Port.ToString(CultureInfo.InvariantCulture),
            "--Summarizer:Fetch:Timeout=00:00:03",
            "--Summarizer:Fetch:MaxBodyBytes=" + MaxPageBytes.ToString(CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        await Pages.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UrlHostCollection : ICollectionFixture<UrlHostFixture>
{
    public const string Name = "url-host";
}
