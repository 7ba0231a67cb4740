using System.Net;
using Microsoft.Extensions.Options;

namespace Summarizer.Fetching;

/// <summary>Configuration section <c>Summarizer:Fetch</c>: what the page fetcher may reach and how much it reads.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Summarizer:Fetch";

    /// <summary>The media types accepted when <see cref="ContentTypes"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultContentTypes = ["text/html", "application/xhtml+xml", "text/plain"];

    /// <summary>CIDRs (e.g. <c>10.1.0.0/16</c>, <c>127.0.0.1/32</c>) the fetcher may reach although they are not public; empty by default.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>Ports allowed besides the scheme's default (80 for http, 443 for https); empty by default.</summary>
    public int[] AllowedPorts { get; set; } = [];

    /// <summary>Largest body read, in bytes, counted after decompression while streaming (default 5 MB).</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Total time for one fetch: every redirect, the headers and the body (default 15 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Redirects followed at most (default 5); each target is checked like the first URL.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Media types accepted; null means <see cref="DefaultContentTypes"/>.</summary>
    public string[]? ContentTypes { get; set; }

    /// <summary>The User-Agent sent.</summary>
    public string UserAgent { get; set; } = "Mozilla/5.0 (compatible; SummarizerBot/1.0; +https://summarizer.dev/bot)";

    /// <summary>How long a fetched page is served from the cluster's cache before it is revalidated (default 10 min).</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> EffectiveContentTypes => ContentTypes is { Length: > 0 } configured ? configured : DefaultContentTypes;

    internal IEnumerable<IPNetwork> ParsedAllowedNetworks() => AllowedNetworks.Select(c => IPNetwork.Parse(c.Trim()));
}

/// <summary>Checks <see cref="FetchOptions"/> at start.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var cidr in options.AllowedNetworks)
        {
            if (!IPNetwork.TryParse(cidr?.Trim(), out _))
            {
                failures.Add($"{FetchOptions.SectionName}:AllowedNetworks: '{cidr}' is not a CIDR (e.g. 10.0.0.0/8 or fd00::/8).");
            }
        }

        if (options.AllowedPorts.Any(p => p is < 1 or > 65535))
        {
            failures.Add($"{FetchOptions.SectionName}:AllowedPorts must be ports 1-65535.");
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"{FetchOptions.SectionName}:MaxBodyBytes must be positive.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{FetchOptions.SectionName}:Timeout must be positive.");
        }

        if (options.MaxRedirects is < 0 or > 20)
        {
            failures.Add($"{FetchOptions.SectionName}:MaxRedirects must be 0-20.");
        }

        if (options.CacheTtl < TimeSpan.Zero)
        {
            failures.Add($"{FetchOptions.SectionName}:CacheTtl must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add($"{FetchOptions.SectionName}:UserAgent must be set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
