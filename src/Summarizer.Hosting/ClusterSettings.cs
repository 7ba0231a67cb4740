using Microsoft.Extensions.Configuration;

namespace Summarizer.Hosting;

/// <summary>How silos find each other and where grain state lives.</summary>
public enum ClusterMode
{
    /// <summary>One process: localhost clustering, grain state in an SQLite file under <c>Summarizer:Storage:Path</c> (the default).</summary>
    Embedded = 0,

    /// <summary>Many silos: Redis membership and Redis grain storage.</summary>
    Redis = 1,
}

/// <summary>
/// Configuration section <c>Summarizer:Cluster</c>, shared by the silo and the gateway so both read
/// the same keys: <c>Mode</c>, <c>Redis</c> (or <c>ConnectionStrings:redis</c>), <c>AdvertisedIP</c>,
/// <c>ListenOnAnyAddress</c>; plus <c>Orleans:ServiceId</c>/<c>ClusterId</c>/<c>SiloPort</c>/<c>GatewayPort</c>.
/// </summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Summarizer:Cluster";

    public ClusterMode Mode { get; init; }

    /// <summary>StackExchange.Redis connection string (e.g. <c>redis:6379</c>).</summary>
    public string? Redis { get; init; }

    /// <summary>
    /// Address other silos and clients use to reach this silo; empty: 127.0.0.1 when Redis is on
    /// loopback (every silo is on this machine: plain processes), else this host's first non-loopback IPv4.
    /// </summary>
    public string? AdvertisedIP { get; init; }

    /// <summary>
    /// Listen on 0.0.0.0 (containers) rather than only on the advertised address; unset: true, except
    /// when Redis is on loopback (then only loopback).
    /// </summary>
    public bool ListenOnAnyAddress { get; init; } = true;

    public string ServiceId { get; init; } = "summarizer";

    public string ClusterId { get; init; } = "summarizer";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>
    /// Reads the settings and refuses, naming the key, a Redis mode without a connection string.
    /// Read before the host is built because it decides which Orleans providers are registered.
    /// </summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var orleans = configuration.GetSection("Orleans");
        var modeText = section["Mode"];
        var mode = ClusterMode.Embedded;
        if (!string.IsNullOrWhiteSpace(modeText) && !Enum.TryParse(modeText, ignoreCase: true, out mode))
        {
            throw new InvalidOperationException($"{SectionName}:Mode is '{modeText}'; use {ClusterMode.Embedded} or {ClusterMode.Redis}.");
        }

        var redis = section["Redis"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            redis = configuration.GetConnectionString("redis");
        }

        if (mode == ClusterMode.Redis && string.IsNullOrWhiteSpace(redis))
        {
            throw new InvalidOperationException($"{SectionName}:Mode is Redis but neither {SectionName}:Redis nor ConnectionStrings:redis is set.");
        }

        // Redis on loopback means every silo runs on this machine (plain processes, `dotnet run`):
        // advertise and listen on loopback instead of this host's network address.
        var local = mode == ClusterMode.Redis && IsLoopbackEndpoint(redis);
        var advertised = section["AdvertisedIP"];
        return new ClusterSettings
        {
            Mode = mode,
            Redis = redis,
            AdvertisedIP = string.IsNullOrWhiteSpace(advertised) && local ? "127.0.0.1" : advertised,
            ListenOnAnyAddress = section.GetValue("ListenOnAnyAddress", !local),
            ServiceId = orleans["ServiceId"] ?? "summarizer",
            ClusterId = orleans["ClusterId"] ?? (mode == ClusterMode.Embedded ? "embedded" : "summarizer"),
            SiloPort = orleans.GetValue("SiloPort", 11111),
            GatewayPort = orleans.GetValue("GatewayPort", 30000),
        };
    }

    /// <summary>Whether the first endpoint of a StackExchange.Redis connection string is on loopback (127.x, ::1, localhost).</summary>
    public static bool IsLoopbackEndpoint(string? connectionString)
    {
        var endpoint = connectionString?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(part => !part.Contains('=', StringComparison.Ordinal));
        if (endpoint is null)
        {
            return false;
        }

        var host = endpoint.StartsWith('[')
            ? endpoint[1..Math.Max(1, endpoint.IndexOf(']', StringComparison.Ordinal))]
            : endpoint.Count(c => c == ':') == 1 ? endpoint[..endpoint.IndexOf(':', StringComparison.Ordinal)] : endpoint;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }
}
