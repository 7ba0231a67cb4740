using System.Security.Cryptography;
using System.Text;

namespace Summarizer.Text;

/// <summary>Article ids: RFC 4648 base32 (lower case, no padding) of SHA-256 over the normalised text.</summary>
public static class ArticleId
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Compute(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        return Base32(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)));
    }

    /// <summary>
    /// The id of a collection: the same shape as an article id, over the spec and the member keys
    /// sorted and de-duplicated, so the same set in any order with the same options is one id.
    /// </summary>
    public static string ForCollection(string specKey, IEnumerable<string> memberKeys)
    {
        ArgumentNullException.ThrowIfNull(specKey);
        ArgumentNullException.ThrowIfNull(memberKeys);
        var keys = memberKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return Compute($"collection/1\n{specKey}\n{string.Join('\n', keys)}");
    }

    /// <summary>True when <paramref name="id"/> has the shape of an id (52 base32 characters).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 52 } && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    internal static string Base32(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }
}
