using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Summarizer.Testing;

/// <summary>Ports on 127.0.0.1 for test hosts.</summary>
public static class LoopbackPorts
{
    /// <summary>What every test host's Kestrel listens on: port 0, read back with <see cref="BoundAddress"/>.</summary>
    public const string AnyPortUrl = "http://127.0.0.1:0";

    /// <summary>
    /// A port that was free a moment ago. Only for listeners that cannot be bound to 0 and read
    /// back: Orleans silo and gateway endpoints (the silo advertises the port it was configured
    /// with) and Garnet.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The address a started host's Kestrel is listening on (its port 0 resolved).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
