using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Shortens a chosen brief sentence by deleting words, never by adding or changing any: the
/// attribution of a reported statement ("…, police said on Monday." → "…."; "The plane, officials said,
/// crashed" → "The plane crashed"; "According to the report, …"), a dateline ("LONDON (CNN) -- ") and
/// short parentheticals (<see cref="ExtractiveSummarizer.Trim"/>). Nothing inside a quotation is touched, and a
/// sentence that quotes someone keeps its attribution (the quote would lose its speaker).
/// </summary>
internal static partial class SentenceCompressor
{
    public static string Compress(string sentence, bool dropAttributions)
    {
        var s = ExtractiveSummarizer.Trim(sentence);
        if (!dropAttributions || HasQuotation(s))
        {
            return s;
        }

        var cut = TrailingAttribution().Replace(s, "$1");
        cut = InnerAttribution().Replace(cut, " ");
        cut = LeadingAccordingTo().Replace(cut, string.Empty);

        cut = TrailingAccordingTo().Replace(cut, "$1");
        cut = Capitalise(cut);
        return WordCount(cut) >= 4 ? cut : s;
    }

    /// <summary>
    /// Deletes, longest sentence first, the clauses a brief can most easily spare until the brief fits
    /// <paramref name="budget"/> words or nothing more can go: a trailing participle clause
    /// (", leaving …", ", prompting …"). Outside quotations only; a sentence never falls under 6 words.
    /// </summary>
    public static IReadOnlyList<string> ToBudget(IReadOnlyList<string> brief, int budget)
    {
        var result = brief.ToArray();
        var words = result.Select(WordCount).ToArray();
        foreach (var rule in BudgetRules)
        {
            if (words.Sum() <= budget)
            {
                break;
            }

            foreach (var i in Enumerable.Range(0, result.Length).OrderByDescending(i => words[i]).ToArray())
            {
                if (words.Sum() <= budget)
                {
                    break;
                }

                var s = result[i];
                if (HasQuotation(s))
                {
                    continue;
                }

                var cut = Capitalise(rule.Replace(s, m => m.Groups["keep"].Success ? m.Groups["keep"].Value : string.Empty, 1));
                var n = WordCount(cut);
                if (n >= 6 && n < words[i])
                {
                    result[i] = cut;
                    words[i] = n;
                }
            }
        }

        return result;
    }

    // Measured one by one and not kept (docs/QUALITY.md): relative clauses, leading time/place phrases,
    // dash asides, "including …", trailing subordinate clauses ("…, after …") — each cost recall.
    private static readonly Regex[] BudgetRules = [TrailingParticiple()];

    internal static int WordCount(string s)
    {
        var (count, inWord) = (0, false);
        foreach (var c in s)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private static bool HasQuotation(string s) => s.AsSpan().IndexOfAny("\"“”") >= 0;

    private static string Capitalise(string s) =>
        s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    // Who said it: up to five words, none of them a word that starts a clause of its own.
    private const string Speaker = @"(?:(?!(?:that|which|who|and|but|because|if|when|as|while|what|it|this)\b)[\p{L}\p{N}'’.-]+\s+){1,5}?";

    private const string Verb = @"(?:said|says|added|confirmed|reported|explained|claimed|announced|stated|revealed|insisted|warned|told\s+(?:reporters|journalists|CNN|MailOnline|the\s+(?:\p{Lu}[\p{L}'’]*\s?)+|\p{Lu}[\p{L}'’]*(?:\s\p{Lu}[\p{L}'’]*)*))";

    // When or where it was said: "on Monday", "in a statement", "last week", "yesterday".
    private const string Adjunct = @"(?:\s+(?:on|in|at|during|last|this|late|early|yesterday|today|tonight|earlier|later)\b[^,;:.!?""“”]{0,30})?";

    [GeneratedRegex(@",\s+" + Speaker + Verb + Adjunct + @"\s*([.!?])$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAttribution();

    [GeneratedRegex(@",\s+" + Speaker + Verb + Adjunct + @",\s+", RegexOptions.CultureInvariant)]
    private static partial Regex InnerAttribution();

    [GeneratedRegex(@",\s+(?:leaving|saying|adding|causing|including|making|prompting|sparking|sending|bringing|forcing|killing)\s[^;:""“”()]{3,120}(?<keep>[.!?])$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParticiple();

    [GeneratedRegex(@",\s+according to [^,;:.!?""“”]{1,60}([.!?])$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAccordingTo();

    [GeneratedRegex(@"^According to [^,;:.!?]{1,60},\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAccordingTo();
}
