using System.Net;
using System.Text.RegularExpressions;

namespace Summarizer.Fetching;

/// <summary>
/// The checks a URL passes before anything is sent: an absolute http/https URL, no userinfo, a
/// default port (or one of <see cref="FetchOptions.AllowedPorts"/>), no cloud-metadata host name,
/// an IPv4 literal only in its plain dotted-quad spelling, and an IP literal the
/// <see cref="AddressClassifier"/> allows. Names are checked again at connect time, on every
/// address they resolve to.
/// </summary>
public sealed partial class UrlPolicy
{
    /// <summary>Longest URL accepted, in characters.</summary>
    public const int MaxUrlLength = 2048;

    private static readonly string[] MetadataHosts = ["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"];

    private readonly AddressClassifier _addresses;
    private readonly IReadOnlySet<int> _extraPorts;

    public UrlPolicy(AddressClassifier addresses, IEnumerable<int>? allowedPorts = null) =>
        (_addresses, _extraPorts) = (addresses, new HashSet<int>(allowedPorts ?? []));

    /// <summary>The absolute URL to fetch, or a <see cref="FetchException"/> of kind <see cref="FetchFailureKind.Refused"/> naming why not.</summary>
    public Uri Check(string? url) =>
        TryCheck(url, out var uri, out var reason) ? uri : throw new FetchException(FetchFailureKind.Refused, reason);

    /// <summary>Checks a redirect target: <paramref name="location"/> is resolved against <paramref name="current"/>.</summary>
    public Uri CheckRedirect(Uri current, string? location)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrWhiteSpace(location) || !Uri.TryCreate(current, location.Trim(), out var target))
        {
            throw new FetchException(FetchFailureKind.Failed, $"The upstream redirected without a usable Location ('{Shorten(location)}').");
        }

        // An absolute Location is checked as written (its host spelling matters); a relative one as resolved.
        var written = HasScheme().IsMatch(location) ? location.Trim() : target.OriginalString;
        return TryCheck(written, out var uri, out var reason)
            ? uri
            : throw new FetchException(FetchFailureKind.Refused, $"A redirect to '{Shorten(written)}' was refused: {reason}");
    }

    /// <summary>The key of a page: scheme and host lower-cased, default port and fragment dropped, escaped as sent on the wire.</summary>
    public static string Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
    }

    public bool TryCheck(string? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri, out string reason)
    {
        uri = null;
        reason = "";
        if (string.IsNullOrWhiteSpace(url))
        {
            reason = "The URL is empty.";
            return false;
        }

        url = url.Trim();
        if (url.Length > MaxUrlLength)
        {
            reason = $"The URL is longer than {MaxUrlLength} characters.";
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc)
        {
            reason = "The URL is not an absolute http or https URL.";
            return false;
        }

        try
        {
            reason = Refusal(parsed, RawHost(url)) ?? "";
        }
        catch (UriFormatException e)
        {
            // Uri parses lazily: an invalid IDN host only throws when its IdnHost is read.
            reason = $"The URL's host is not valid ({e.Message}).";
        }

        if (reason.Length > 0)
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    private string? Refusal(Uri uri, string? rawHost)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"The scheme '{uri.Scheme}' is not allowed; only http and https are.";
        }

        if (uri.UserInfo.Length > 0 || (rawHost is null && uri.Authority.Contains('@', StringComparison.Ordinal)))
        {
            return "A URL with a user name or password (userinfo) is not allowed.";
        }

        if (!uri.IsDefaultPort && !_extraPorts.Contains(uri.Port))
        {
            return $"Port {uri.Port} is not allowed; only the scheme's default port is (Summarizer:Fetch:AllowedPorts adds others).";
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (host.Length == 0)
        {
            return "The URL has no host.";
        }

        if (MetadataHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return $"The host '{host}' is a cloud metadata service.";
        }

        if (uri.HostNameType == UriHostNameType.IPv4 && rawHost is not null && !string.Equals(rawHost, uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            return $"The IPv4 address '{rawHost}' is not spelled as a plain dotted quad (decimal, octal, hex and short forms are refused).";
        }

        if (uri.HostNameType == UriHostNameType.Dns && LooksNumeric(host))
        {
            return $"The host '{host}' is an unusual spelling of an IPv4 address (decimal, octal, hex and short forms are refused).";
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.DnsSafeHost, out var address)
            && _addresses.RefusalReason(address) is { } why)
        {
            return $"The address {address} is {why}.";
        }

        return uri.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6 ? null : $"The host '{host}' is not a DNS name or IP address.";
    }

    /// <summary>The host exactly as written in <paramref name="url"/> (before <see cref="Uri"/> canonicalises it), lower-cased.</summary>
    internal static string? RawHost(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var authority = url[(start + 3)..];
        var end = authority.AsSpan().IndexOfAny("/\\?#");
        if (end >= 0)
        {
            authority = authority[..end];
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority.ToLowerInvariant() : authority[..(close + 1)].ToLowerInvariant();
        }

        var colon = authority.LastIndexOf(':');
        return (colon >= 0 ? authority[..colon] : authority).ToLowerInvariant();
    }

    /// <summary>All labels numeric (decimal, 0-octal or 0x-hex): a name the resolver would read as an IPv4 address.</summary>
    private static bool LooksNumeric(string host) => NumericHost().IsMatch(host);

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 200 ? s : string.Concat(s.AsSpan(0, 200), "…");

    [GeneratedRegex(@"^\s*[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex HasScheme();

    [GeneratedRegex(@"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex NumericHost();
}
