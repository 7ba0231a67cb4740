using System.Text;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// The encoding a request body's <c>charset</c> names. Every charset the platform has (the inbox
/// code pages of <see cref="CodePagesEncodingProvider"/> included: shift_jis, ibm037, windows-1251, …)
/// is decoded as named; UTF-7 is refused (it hides markup and quotes in plain ASCII, and .NET no
/// longer serves it), and so is a name the platform does not know. Never silently UTF-8.
/// </summary>
internal static class BodyCharsets
{
    static BodyCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The strict decoder for <paramref name="charset"/> (UTF-8 when none is given), or why it is refused.</summary>
    public static bool TryResolve(string? charset, out Encoding encoding, out string refusal)
    {
        encoding = Strict(Encoding.UTF8);
        refusal = "";
        var name = charset?.Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(name))
        {
            return true;
        }

        if (name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() is "UTF7" or "UNICODE11UTF7" or "CSUNICODE11UTF7" or "XUNICODE20UTF7")
        {
            refusal = "The charset UTF-7 is not accepted. Send UTF-8 (or another charset the server can decode).";
            return false;
        }

        try
        {
            var named = Encoding.GetEncoding(name);
            if (named.CodePage == 65000)
            {
                refusal = "The charset UTF-7 is not accepted. Send UTF-8 (or another charset the server can decode).";
                return false;
            }

            encoding = Strict(named);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            refusal = $"The charset {Echo.Quote(name)} is not one this server can decode. Send UTF-8.";
            return false;
        }
    }

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
