using System.Net;
using System.Net.Sockets;

namespace Summarizer.Fetching;

/// <summary>
/// Says whether an IP address is one the fetcher may connect to: only global unicast addresses
/// are, unless a configured network (<see cref="FetchOptions.AllowedNetworks"/>) names it.
/// IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by
/// the IPv4 address inside, so <c>::ffff:127.0.0.1</c> is loopback like <c>127.0.0.1</c>.
/// </summary>
public sealed class AddressClassifier
{
    private static readonly (IPNetwork Network, string Reason)[] RefusedV4 =
    [
        (Net("0.0.0.0/8"), "an unspecified ('this network') address"),
        (Net("10.0.0.0/8"), "a private (RFC 1918) address"),
        (Net("100.64.0.0/10"), "a carrier-grade NAT (100.64/10) address"),
        (Net("127.0.0.0/8"), "a loopback address"),
        (Net("169.254.0.0/16"), "a link-local address (cloud metadata lives at 169.254.169.254)"),
        (Net("172.16.0.0/12"), "a private (RFC 1918) address"),
        (Net("192.0.0.0/24"), "an IETF protocol-assignment address"),
        (Net("192.0.2.0/24"), "a documentation address"),
        (Net("192.88.99.0/24"), "a 6to4 relay anycast address"),
        (Net("192.168.0.0/16"), "a private (RFC 1918) address"),
        (Net("198.18.0.0/15"), "a benchmarking address"),
        (Net("198.51.100.0/24"), "a documentation address"),
        (Net("203.0.113.0/24"), "a documentation address"),
        (Net("224.0.0.0/4"), "a multicast address"),
        (Net("255.255.255.255/32"), "the broadcast address"),
        (Net("240.0.0.0/4"), "a reserved (240/4) address"),
    ];

    private static readonly (IPNetwork Network, string Reason)[] RefusedV6 =
    [
        (Net("::/128"), "the unspecified address"),
        (Net("::1/128"), "a loopback address"),
        (Net("100::/64"), "a discard-only address"),
        (Net("2001::/32"), "a Teredo tunnel address"),
        (Net("2001:db8::/32"), "a documentation address"),
        (Net("fc00::/7"), "a unique local (fc00::/7) address"),
        (Net("fe80::/10"), "a link-local (fe80::/10) address"),
        (Net("fec0::/10"), "a site-local address"),
        (Net("ff00::/8"), "a multicast address"),
    ];

    private readonly IReadOnlyList<IPNetwork> _allowed;

    public AddressClassifier(IEnumerable<IPNetwork>? allowedNetworks = null) => _allowed = [.. allowedNetworks ?? []];

    /// <summary>Null when the fetcher may connect to <paramref name="address"/>; otherwise what kind of address it is.</summary>
    public string? RefusalReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes());
        }

        if (IsAllowed(address))
        {
            return null;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ReasonV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        if (EmbeddedV4(address) is { } inner)
        {
            return IsAllowed(inner) || ReasonV4(inner) is not { } innerReason ? null : $"an IPv6 form ({address}) of {innerReason}";
        }

        foreach (var (network, reason) in RefusedV6)
        {
            if (network.Contains(address))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address.</summary>
    internal static IPAddress? EmbeddedV4(IPAddress v6)
    {
        if (v6.AddressFamily != AddressFamily.InterNetworkV6 || v6.Equals(IPAddress.IPv6Any) || v6.Equals(IPAddress.IPv6Loopback))
        {
            return null;
        }

        var b = v6.GetAddressBytes();
        var v4 = new IPAddress(b.AsSpan(12, 4));
        if (v6.IsIPv4MappedToIPv6 || AllZero(b.AsSpan(0, 12)))
        {
            return v4; // ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && (AllZero(b.AsSpan(4, 8)) || (b[4] == 0 && b[5] == 1)))
        {
            return v4; // NAT64: 64:ff9b::/96 and the local-use 64:ff9b:1::/48
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null; // 6to4: 2002:AABB:CCDD::/48
    }

    private static bool AllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    private bool IsAllowed(IPAddress address)
    {
        foreach (var network in _allowed)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ReasonV4(IPAddress address)
    {
        foreach (var (network, reason) in RefusedV4)
        {
            if (network.Contains(address))
            {
                return reason;
            }
        }

        return null;
    }

    private static IPNetwork Net(string cidr) => IPNetwork.Parse(cidr);
}
