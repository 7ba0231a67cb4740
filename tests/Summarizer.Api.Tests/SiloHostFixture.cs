using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Silo;

namespace Summarizer.Api.Tests;

/// <summary>
/// The real embedded silo host (Kestrel on 127.0.0.1, a localhost silo, memory storage), built by
/// the same code as <c>dotnet run --project src/Summarizer.Silo</c>, on free ports.
/// </summary>
public sealed class SiloHostFixture : IAsyncLifetime
{
    /// <summary>Body limit for the tests: small, so 413 is cheap to provoke.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SummarizerSilo.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Orleans:SiloPort={FreePort()}",
            $"--Orleans:GatewayPort={FreePort()}",
            $"--Orleans:ClusterId=api-tests-{Guid.NewGuid():N}",
            $"--Summarizer:Api:MaxBodyBytes={MaxBodyBytes}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SiloHostCollection : ICollectionFixture<SiloHostFixture>
{
    public const string Name = "silo-host";
}
