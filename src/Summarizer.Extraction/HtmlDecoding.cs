using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Extraction;

/// <summary>
/// Turns the raw bytes of a web page into text without mojibake. The order follows what browsers
/// do: a byte-order mark wins, then the charset of the HTTP Content-Type header, then a
/// <c>&lt;meta charset&gt;</c> / <c>http-equiv</c> / XML declaration near the top, then sniffing (valid
/// UTF-8, else windows-1252). Labels are read as the WHATWG Encoding standard reads them
/// (latin1 and us-ascii mean windows-1252, gb2312 and gbk mean GB18030, ...).
/// </summary>
public static partial class HtmlDecoding
{
    private const int PrescanBytes = 8192;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="contentTypeCharset"/> is the charset
    /// parameter of the HTTP Content-Type header, if there was one.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeCharset = null)
    {
        var encoding = DetectEncoding(bytes, contentTypeCharset, out var bomLength);
        return encoding.GetString(bytes[bomLength..]);
    }

    /// <summary>The encoding <see cref="Decode"/> would use, and how many leading bytes are a byte-order mark.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes, string? contentTypeCharset, out int bomLength)
    {
        if (FromByteOrderMark(bytes, out bomLength) is { } bom)
        {
            return bom;
        }

        var declared = ForLabel(contentTypeCharset) ?? ForLabel(PrescanCharset(bytes));
        if (declared is null)
        {
            return LooksLikeUtf16(bytes, out var utf16) ? utf16 : Sniff(bytes);
        }

        // A page that declares a Latin single-byte charset but is valid UTF-8 with multi-byte
        // characters was saved as UTF-8 by its CMS; reading it as declared would be mojibake.
        if (declared.CodePage is 1252 or 28591 && HasUtf8MultiByteAndIsValid(bytes))
        {
            return Utf8;
        }

        // Declared UTF-8 but not one valid multi-byte sequence and several invalid bytes: the page is Latin.
        if (declared.CodePage == 65001 && Utf8Validity(bytes) is { Valid: false, MultiByte: false })
        {
            return Encoding.GetEncoding(1252);
        }

        return declared;
    }

    /// <summary>The encoding for a charset label (WHATWG rules for the common aliases), or null when unknown.</summary>
    public static Encoding? ForLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "utf8" or "unicode-1-1-utf-8" or "unicode11utf8" or "unicode20utf8" or "x-unicode20utf8" => "utf-8",
            // A meta tag cannot declare UTF-16 (the bytes would not have been readable to find it): HTML reads it as UTF-8.
            "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "ucs-2" => "utf-8",
            "latin1" or "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "l1" or "ascii" or "us-ascii" or "iso-ir-100" or "cp1252" or "x-cp1252" or "cp819" or "ibm819" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" or "cp936" or "chinese" or "csgb2312" or "gb_2312-80" or "iso-ir-58" => "gb18030",
            "sjis" or "shift-jis" or "x-sjis" or "ms_kanji" or "csshiftjis" or "windows-31j" or "ms932" or "cp932" => "shift_jis",
            "iso-8859-9" or "latin5" or "iso8859-9" => "windows-1254",
            "tis-620" or "iso-8859-11" => "windows-874",
            "ks_c_5601-1987" or "euc-kr" or "cp949" or "windows-949" => "euc-kr",
            _ => name,
        };

        try
        {
            return name == "utf-8" ? Utf8 : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> b, out int length)
    {
        (Encoding? encoding, length) = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Utf8, 3),
            [0xFE, 0xFF, ..] => ((Encoding)new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
            _ => (null, 0),
        };
        return encoding;
    }

    /// <summary>The charset a meta tag or XML declaration near the top of the page names.</summary>
    internal static string? PrescanCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (XmlDeclaration().Match(head) is { Success: true } xml)
        {
            return xml.Groups[1].Value;
        }

        foreach (Match meta in MetaTag().Matches(head))
        {
            if (MetaCharset().Match(meta.Value) is { Success: true } charset)
            {
                return charset.Groups[1].Value;
            }
        }

        return null;
    }

    private static Encoding Sniff(ReadOnlySpan<byte> bytes) =>
        Utf8Validity(bytes).Valid ? Utf8 : Encoding.GetEncoding(1252);

    private static bool HasUtf8MultiByteAndIsValid(ReadOnlySpan<byte> bytes) =>
        Utf8Validity(bytes) is { Valid: true, MultiByte: true };

    /// <summary>Whether the bytes are UTF-8 (a cut sequence at the very end is forgiven) and whether any character needs more than one byte.</summary>
    private static (bool Valid, bool MultiByte) Utf8Validity(ReadOnlySpan<byte> bytes)
    {
        var multi = false;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            var need = b switch { >= 0xC2 and <= 0xDF => 1, >= 0xE0 and <= 0xEF => 2, >= 0xF0 and <= 0xF4 => 3, _ => -1 };
            if (need < 0)
            {
                return (false, multi);
            }

            if (i + need >= bytes.Length)
            {
                return (true, multi); // the page was cut mid-character
            }

            for (var k = 1; k <= need; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return (false, multi);
                }
            }

            multi = true;
            i += need + 1;
        }

        return (true, multi);
    }

    /// <summary>UTF-16 without a byte-order mark: ASCII markup shows as every other byte being zero.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out Encoding encoding)
    {
        encoding = Utf8;
        var n = Math.Min(bytes.Length, 512) & ~1;
        if (n < 8)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = n / 2;
        if (oddZeros > pairs * 0.8 && evenZeros < pairs * 0.1)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
            return true;
        }

        if (evenZeros > pairs * 0.8 && oddZeros < pairs * 0.1)
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""']([A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
