using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Turns raw article text into the canonical form every id and offset is computed on:
/// Unicode NFC, "\n" line endings, no trailing spaces, paragraphs separated by exactly one blank
/// line, and leading metadata lines (<c>date 2021-06-29</c>, <c>title ...</c>) lifted out.
/// Quote marks are kept as written: the digest's quotes must be verbatim.
/// </summary>
public static partial class ArticleNormalizer
{
    public static NormalizedText Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = IsAscii(raw) || raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        string? date = null;
        string? title = null;
        // Metadata may lead the text: " date 2021-06-29 The US airstrikes ..." (same line) or on its own line.
        while (true)
        {
            var m = LeadingDate().Match(text);
            if (m.Success && date is null)
            {
                var candidate = m.Groups["date"].Value;
                if (DateOnly.TryParseExact(candidate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    date = candidate;
                    text = text[m.Length..];
                    continue;
                }
            }

            var t = LeadingTitle().Match(text);
            if (t.Success && title is null)
            {
                title = t.Groups["title"].Value.Trim();
                text = text[t.Length..];
                continue;
            }

            break;
        }

        // One pass: collapse runs of horizontal whitespace, trim lines, keep at most one blank line.
        var sb = new StringBuilder(text.Length);
        var blank = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.IsWhiteSpace())
            {
                blank = sb.Length > 0;
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append(blank ? "\n\n" : "\n");
                }

                AppendCollapsed(sb, line.Trim());
                blank = false;
            }

            lineStart = lineEnd + 1;
        }

        return new NormalizedText(sb.ToString(), string.IsNullOrEmpty(title) ? null : title, date);
    }

    private static bool IsAscii(string s) => System.Text.Ascii.IsValid(s);

    private static void AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> line)
    {
        var space = false;
        foreach (var c in line)
        {
            if (c != '\n' && char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }
    }

    /// <summary>Paragraph spans of normalised text: runs separated by a blank line.</summary>
    public static IReadOnlyList<TextSpan> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSpan>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > start)
            {
                result.Add(new TextSpan(start, end));
            }

            start = end + 2;
        }

        return result;
    }

    [GeneratedRegex(@"^\s*date\s+(?<date>\d{4}-\d{2}-\d{2})[ \t]*\n?[ \t]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"^\s*title:?[ \t]+(?<title>[^\n]+)\n", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTitle();
}
