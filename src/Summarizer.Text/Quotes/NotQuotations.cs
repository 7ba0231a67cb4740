using System.Text.RegularExpressions;
using Summarizer.Text.Lexicon;

namespace Summarizer.Text;

/// <summary>
/// Quoted text that is not a quotation: titles of works, nicknames inside names, stage directions
/// and scare quotes (short terms nobody is found to have said).
/// </summary>
internal static partial class NotQuotations
{
    private const int MaxScareQuoteWords = 3;

    /// <summary>Words that introduce a title ("on “Fox News Sunday,”", "documentary “13th”").</summary>
    private static readonly Regex TitleIntroducer = new(
        $@"\b(?:{QuoteLexicon.Alternation("title-introducers")})\s*,?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>
    /// "MSNBC’s “Morning Joe”", "on “Fox News Sunday,”", "documentary “13th.”": a short title-case
    /// name right after a possessive or a word that introduces a title.
    /// </summary>
    public static bool IsTitleOfWork(string text, string masked, int start, int end)
    {
        var words = text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || !words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || char.IsDigit(w[0]) || QuoteLexicon.TitleMinorWords.Contains(w)))
        {
            return false;
        }

        if (words.Length == 1 && !char.IsDigit(words[0][0]))
        {
            // A single capitalised word is more often a nickname or a term than a title; only a clear introducer makes it one.
            return TitleIntroducer.IsMatch(masked.AsSpan(Math.Max(0, start - 40), Math.Max(0, start - 1 - Math.Max(0, start - 40))).ToString())
                   && !PossessiveBefore().IsMatch(masked[Math.Max(0, start - 40)..Math.Max(0, start - 1)]);
        }

        var before = masked[Math.Max(0, start - 40)..Math.Max(0, start - 1)];
        return PossessiveBefore().IsMatch(before) || TitleIntroducer.IsMatch(before);
    }

    /// <summary>Robert C. "Bobby" Scott: one capitalised word quoted between parts of a name.</summary>
    public static bool IsNickname(string text, int start, int end)
    {
        if (end - start > 20 || text.AsSpan(start, end - start).Contains(' ') || !char.IsUpper(text[start]))
        {
            return false;
        }

        var before = start - 2;
        var after = end + 2;
        return before > 0 && after < text.Length && text[start - 2] == ' ' && (char.IsLetter(text[before - 1]) || text[before - 1] == '.')
               && char.IsUpper(text[after]) && LastWordCapitalised(text, before);
    }

    /// <summary>"(CROSSTALK.)", "(LAUGHTER)": a transcript's stage direction, not words anyone said.</summary>
    public static bool IsStageDirection(string content)
    {
        var t = content.Trim();
        return t.Length > 2 && t[0] == '(' && t.TrimEnd('.', ' ').EndsWith(')');
    }

    /// <summary>
    /// A short quoted term nobody is found to have said ("a separate “liquidating trust”", "promoting
    /// “quack” cures"): the writer's scare quotes or a coined term, not a quotation. Only dropped when
    /// no speaker is found and the quote is not a whole statement.
    /// </summary>
    public static bool IsScareQuote(string content)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in content)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else if (c is not ('-' or '\'' or '’'))
            {
                inWord = false;
            }
        }

        return words <= MaxScareQuoteWords;
    }

    private static bool LastWordCapitalised(string text, int end)
    {
        var i = end - 1;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return char.IsUpper(text[i]);
    }

    [GeneratedRegex(@"[A-Z][\p{L}.]*(?:’s|'s)\s*$")]
    private static partial Regex PossessiveBefore();
}
