using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Summarizer.Api;

/// <summary>
/// The configured key hashes. A presented key is hashed and compared with every configured hash in
/// constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>, and no early exit), so
/// neither the comparison nor the position of a match leaks through timing.
/// </summary>
public sealed class ApiKeyRing
{
    public const string HashPrefix = "sha256:";

    private readonly byte[][] _hashes;
    private readonly string[] _ids;

    public ApiKeyRing(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var hashes = o.Mode == AuthMode.None ? [] : o.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Parse(k.Trim())!).ToArray();
        _hashes = hashes;
        _ids = [.. hashes.Select(IdOf)];
        Mode = o.Mode;
    }

    public AuthMode Mode { get; }

    /// <summary>True when requests must present a key.</summary>
    public bool Enabled => _hashes.Length > 0;

    /// <summary>True when, without keys, only loopback clients are served (keys mode with no keys).</summary>
    public bool LoopbackOnly => Mode == AuthMode.Keys && !Enabled;

    /// <summary>The key's id (first 12 hex digits of its SHA-256) when it is one of the configured keys; otherwise null.</summary>
    public string? Match(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        var found = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            var equal = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]);
            found = equal ? i : found;
        }

        return found < 0 ? null : _ids[found];
    }

    /// <summary>The 32 bytes of <c>sha256:&lt;hex&gt;</c>, or null when it is not of that form.</summary>
    public static byte[]? Parse(string configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (!configured.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) || configured.Length != HashPrefix.Length + 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(configured.AsSpan(HashPrefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The configuration entry for a key: <c>sha256:</c> and the lower-case hex of its SHA-256.</summary>
    public static string HashOf(string key) =>
        HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The caller id of a key: the first 12 hex digits of its SHA-256 (never the key).</summary>
    public static string IdOf(byte[] hash) => Convert.ToHexStringLower(hash)[..12].ToString(CultureInfo.InvariantCulture);
}
