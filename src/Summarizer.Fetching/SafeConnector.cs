using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Summarizer.Fetching;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the fetch client: resolves the host
/// itself, refuses the connection when any address it resolves to is refused by the
/// <see cref="AddressClassifier"/> (so a name that resolves, or re-resolves, to an internal address
/// is never connected to), then connects to the first address that answers.
/// </summary>
public sealed class SafeConnector(AddressClassifier addresses, IHostAddressResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var candidates = await ResolveAsync(host, cancellationToken);
        foreach (var address in candidates)
        {
            if (addresses.RefusalReason(address) is { } reason)
            {
                throw new FetchException(FetchFailureKind.Refused, $"The host '{host}' resolves to {address}, {reason}; it was not connected to.");
            }
        }

        Exception? last = null;
        foreach (var address in candidates)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new FetchException(FetchFailureKind.Failed, $"Could not connect to '{host}' ({last?.Message}).", null, last);
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        IPAddress[] resolved;
        try
        {
            resolved = await resolver.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new FetchException(FetchFailureKind.Failed, $"The host '{host}' could not be resolved (DNS: {e.SocketErrorCode}).", null, e);
        }

        return resolved.Length > 0 ? resolved : throw new FetchException(FetchFailureKind.Failed, $"The host '{host}' has no addresses (DNS).");
    }
}
