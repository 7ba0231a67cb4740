using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Turns raw article text into the canonical form every id and offset is computed on:
/// Unicode NFC, "\n" line endings, no trailing spaces, paragraphs separated by exactly one blank
/// line, and leading metadata lines (<c>date 2021-06-29</c>, <c>title ...</c>) lifted out.
/// Characters no text should hold are dealt with first (<see cref="UnicodeCleaner"/>): lone
/// surrogates and non-characters become U+FFFD, control characters other than tab and line
/// breaks are dropped, so any string normalises. Quote marks are kept as written: the digest's
/// quotes must be verbatim.
/// </summary>
public static partial class ArticleNormalizer
{
    public static NormalizedText Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = Prepare(raw);
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
                title = NormalizeTitle(t.Groups["title"].Value);
                text = text[t.Length..];
                continue;
            }

            break;
        }

        return new NormalizedText(Layout(text), string.IsNullOrEmpty(title) ? null : title, date);
    }

    /// <summary>
    /// True when <paramref name="text"/> is already in the form <see cref="Normalize"/> gives (its
    /// metadata lines aside): what a grain checks before it stores text sent by another process.
    /// </summary>
    public static bool IsNormalized(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Equals(Layout(Prepare(text)), text, StringComparison.Ordinal);
    }

    /// <summary>Well-formed characters (<see cref="UnicodeCleaner"/>), NFC, "\n" line endings.</summary>
    private static string Prepare(string raw) =>
        ToNfc(UnicodeCleaner.Clean(raw)).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>One pass: collapse runs of horizontal whitespace, trim lines, keep at most one blank line.</summary>
    private static string Layout(string text)
    {
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

        return sb.ToString();
    }

    /// <summary>
    /// A title as stored: cleaned like the text, in NFC, every run of whitespace (line breaks
    /// included) one space, trimmed, at most <see cref="MaxTitleChars"/> long; null when nothing is left.
    /// </summary>
    public static string? NormalizeTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(title.Length, MaxTitleChars + 1));
        AppendCollapsed(sb, ToNfc(UnicodeCleaner.Clean(title)).AsSpan().Trim(), collapseNewlines: true);
        if (sb.Length > MaxTitleChars)
        {
            // A title line of a megabyte is not a title: keep its start, never half a surrogate pair.
            var cut = MaxTitleChars - 1;
            if (char.IsLowSurrogate(sb[cut]))
            {
                cut--;
            }

            var kept = sb.ToString(0, cut).TrimEnd();
            return kept + "…";
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Longest title kept, in UTF-16 characters; a longer one (from a leading title line or a page) is cut and ends in an ellipsis.</summary>
    public const int MaxTitleChars = 1024;

    /// <summary>NFC of text <see cref="UnicodeCleaner"/> has cleaned (which <see cref="string.Normalize()"/> accepts).</summary>
    private static string ToNfc(string s) =>
        System.Text.Ascii.IsValid(s) || s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);

    private static void AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> line, bool collapseNewlines = false)
    {
        var space = false;
        foreach (var c in line)
        {
            if ((collapseNewlines || c != '\n') && char.IsWhiteSpace(c))
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
