using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Summarizer.Extraction;

/// <summary>The schema.org <c>articleBody</c> a page declares, as blocks, when it is plausible: long
/// enough to be an article and really the text the page shows (a CMS sometimes puts a summary, an
/// older revision or another story there). HTML inside the field is read as HTML.</summary>
internal static partial class JsonLdCandidate
{
    /// <summary>A body shorter than this (letters and digits) is a description, not the article.</summary>
    private const int MinChars = 400;

    private const int Probes = 5;
    private const int ProbeChars = 40;

    public static List<string>? Paragraphs(string? body, string pageText, HtmlParser parser)
    {
        if (body is null || QualityGate.LettersAndDigits(body) < MinChars)
        {
            return null;
        }

        List<string> paragraphs;
        if (body.Contains('<', StringComparison.Ordinal) && Tag().IsMatch(body))
        {
            var doc = parser.ParseDocument("<!DOCTYPE html><html><body>" + body + "</body></html>");
            paragraphs = doc.Body is null ? [] : BlockWriter.Blocks(doc.Body).Select(b => b.Text).ToList();
        }
        else
        {
            paragraphs = LineBreaks().Split(System.Net.WebUtility.HtmlDecode(body)).Select(p => Spaces().Replace(p, " ").Trim()).Where(p => p.Length > 0).ToList();
        }

        return IsShownOnPage(string.Join(" ", paragraphs), pageText) ? paragraphs : null;
    }

    /// <summary>Whether most probes taken along <paramref name="text"/> occur in the page's visible text.</summary>
    internal static bool IsShownOnPage(string text, string pageText)
    {
        if (text.Length < ProbeChars * 2)
        {
            return false;
        }

        var found = 0;
        for (var i = 0; i < Probes; i++)
        {
            var start = (int)((long)(text.Length - ProbeChars) * i / (Probes - 1));
            if (pageText.Contains(text.AsSpan(start, ProbeChars), StringComparison.Ordinal))
            {
                found++;
            }
        }

        return found * 2 > Probes;
    }

    /// <summary>Page text with whitespace collapsed the way <see cref="BlockWriter"/> collapses it, for <see cref="IsShownOnPage"/>.</summary>
    public static string Collapse(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s*(?:\r?\n|\r)\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
