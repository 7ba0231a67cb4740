using System.Net;
using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Turns an article's HTML into plain text: scripts, styles and comments dropped, block elements
/// become paragraph breaks, entities decoded. The title element, if any, is returned apart.
/// </summary>
public static partial class HtmlText
{
    public static (string Text, string? Title) ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var title = TitleElement().Match(html) is { Success: true } t ? Clean(t.Groups[1].Value) : null;
        var s = Invisible().Replace(html, " ");
        s = BlockBoundary().Replace(s, "\n\n");
        s = LineBreak().Replace(s, "\n");
        s = Tag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        return (s, string.IsNullOrWhiteSpace(title) ? null : title);
    }

    private static string Clean(string s) => WebUtility.HtmlDecode(Tag().Replace(s, "")).Trim();

    [GeneratedRegex(@"<!--.*?-->|<(script|style|head|noscript|template|svg|nav|footer|aside)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"</?(p|div|h[1-6]|li|ul|ol|blockquote|article|section|header|tr|table|pre|figure|figcaption)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();
}
