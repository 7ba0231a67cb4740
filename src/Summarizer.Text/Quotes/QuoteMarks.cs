using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>A quote's words between its marks; <see cref="Label"/> is the speaker of an interview-transcript turn.</summary>
internal readonly record struct QuoteSpan(int Start, int End, bool Continued, bool Transcript, string? Label);

/// <summary>
/// Quotation marks: curly quotes by shape, straight quotes by position (after a space or at the
/// start = opening); inch marks (<c>6'3"</c>) and HTML attribute values are not marks.
/// </summary>
internal static partial class QuoteMarks
{
    /// <summary>
    /// Spans of the quoted words, between an opening and a closing mark in one paragraph. A quote
    /// left open at the end of its paragraph (the next paragraph re-opens it) ends there.
    /// </summary>
    internal static List<QuoteSpan> FindQuoteSpans(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        var result = new List<QuoteSpan>();
        string? previousLabel = null;
        foreach (var p in paragraphs)
        {
            var match = TranscriptLabel().Match(text, p.Start, Math.Min(40, p.Length));
            // A transcript speaker's turn may run over several paragraphs, each opened with a mark.
            var labelValue = match.Success ? match.Groups["label"].Value
                : previousLabel is not null && text[p.Start] is '"' or '“' && text.IndexOf('\n', p.Start, p.Length) < 0 && !HasClosingMark(text, p) ? previousLabel
                : null;
            previousLabel = labelValue;
            var label = (Success: labelValue is not null, Value: labelValue);
            var open = -1;
            for (var i = p.Start; i < p.End; i++)
            {
                var kind = MarkKind(text, p, i);
                if (kind == 0)
                {
                    continue;
                }

                if (kind > 0)
                {
                    open = i;
                }
                else if (open >= 0)
                {
                    if (i > open + 1)
                    {
                        result.Add(new QuoteSpan(open + 1, i, false, false, label.Value));
                    }

                    open = -1;
                }
            }

            if (open >= 0 && p.End > open + 1)
            {
                var transcript = label.Success && open == p.Start;
                result.Add(new QuoteSpan(open + 1, p.End, true, transcript, label.Value));
            }
        }

        return result;
    }

    /// <summary>The text with every quote's words blanked out, so cue search never reads inside a quote.</summary>
    internal static string Mask(string text, List<QuoteSpan> spans)
    {
        var chars = text.ToCharArray();
        foreach (var s in spans)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                if (chars[i] != '\n')
                {
                    chars[i] = ' ';
                }
            }
        }

        return new string(chars);
    }

    private static bool HasClosingMark(string text, TextSpan p)
    {
        for (var i = p.Start; i < p.End; i++)
        {
            if (MarkKind(text, p, i) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>+1 an opening mark, -1 a closing mark, 0 not a quotation mark here.</summary>
    private static int MarkKind(string text, TextSpan p, int i)
    {
        var c = text[i];
        if (c == '“')
        {
            return 1;
        }

        if (c == '”')
        {
            return -1;
        }

        if (c != '"')
        {
            return 0;
        }

        var prev = i > p.Start ? text[i - 1] : ' ';
        var next = i + 1 < p.End ? text[i + 1] : ' ';
        if (prev == '=' || InsideTag(text, p.Start, i))
        {
            return 0; // an HTML attribute value
        }

        if (char.IsDigit(prev) && i >= 2 && (text[i - 2] is '\'' or '’' || (char.IsDigit(text[i - 2]) && i >= 3 && text[i - 3] is '\'' or '’')))
        {
            return 0; // 6'3" — an inch mark
        }

        if (char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or '/' || i == p.Start)
        {
            return char.IsWhiteSpace(next) && i != p.Start ? -1 : 1;
        }

        return -1;
    }

    private static bool InsideTag(string text, int from, int i)
    {
        var lt = text.LastIndexOf('<', i, i - from + 1);
        return lt >= 0 && text.IndexOf('>', lt, i - lt) < 0;
    }

    [GeneratedRegex(@"^[""“]?(?<label>[A-Z][A-Z.'’\- ]{1,30}[A-Z.]):\s")]
    private static partial Regex TranscriptLabel();
}
