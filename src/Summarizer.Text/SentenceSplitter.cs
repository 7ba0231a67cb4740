namespace Summarizer.Text;

/// <summary>
/// Rule-based sentence splitter for news text. Breaks after . ! ? (and after a closing quote or
/// bracket that follows them) when the next token starts a sentence; never inside abbreviations
/// (Mr., Sen., U.S., Jan.), initials (J. K.), decimals (3.5) or ellipses followed by lower case.
/// Paragraph breaks always end a sentence. Spans contain no leading or trailing whitespace.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "sen", "rep", "gov", "lt", "col", "gen", "sgt", "capt", "cmdr",
        "adm", "maj", "cpl", "pvt", "rev", "hon", "pres", "supt", "det", "insp", "messrs", "mme", "mlle",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "est", "fig", "no", "nos", "vol", "vs", "v", "etc",
        "approx", "ave", "blvd", "rd", "mt", "ft", "ca", "al", "op", "cit", "ed", "eds", "pp", "ch",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass",
        "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    };

    public static IReadOnlyList<TextSpan> Split(string text) => Split(text, ArticleNormalizer.Paragraphs(text));

    public static IReadOnlyList<TextSpan> Split(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var result = new List<TextSpan>();
        foreach (var p in paragraphs)
        {
            SplitRange(text, p.Start, p.End, result);
        }

        return result;
    }

    private static void SplitRange(string text, int start, int end, List<TextSpan> result)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                // A single newline inside a paragraph is a line break (headline, list): it ends a sentence.
                Add(text, sentenceStart, i, result);
                sentenceStart = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // Extend over runs of terminal punctuation and closing quotes / brackets: `."` `?”` `.)`.
            var j = i + 1;
            while (j < end && (text[j] is '.' or '!' or '?' or '…' || IsCloser(text[j])))
            {
                j++;
            }

            if (j < end && !char.IsWhiteSpace(text[j]))
            {
                continue; // "U.S.-led", "3.5", "example.com"
            }

            if (c == '.' && !IsSentenceFinalPeriod(text, start, i, j, end))
            {
                i = j - 1;
                continue;
            }

            Add(text, sentenceStart, j, result);
            sentenceStart = j;
            i = j - 1;
        }

        Add(text, sentenceStart, end, result);
    }

    private static bool IsSentenceFinalPeriod(string text, int rangeStart, int dot, int after, int end)
    {
        // The word before the period.
        var w = dot;
        while (w > rangeStart && !char.IsWhiteSpace(text[w - 1]) && !IsOpener(text[w - 1]))
        {
            w--;
        }

        var word = text.AsSpan(w, dot - w);
        var next = NextNonSpace(text, after, end);

        // Closing quote right after the period ends the sentence when the next word is capitalised.
        if (word.Length == 0)
        {
            return true;
        }

        if (after > dot + 1 && next >= 0 && char.IsUpper(text[next]) && IsCloser(text[dot + 1]) && text[dot + 1] != ')')
        {
            return true; // `he said "no." It ended`: a closing quote after the period ends the sentence
        }

        if (Abbreviations.Contains(word.TrimStart('(').ToString()))
        {
            // "Mr. Smith" never breaks; "in Washington, D.C. The ..." is handled below.
            return false;
        }

        // Initials and dotted acronyms: "J.", "U.S.", "a.m." – break only when followed by a capitalised
        // word that is not itself an initial, and the acronym is at least two letters (U.S. at sentence end).
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false;
        }

        if (word.Contains('.'))
        {
            // "U.S. officials" vs "... in the U.S. The next day": break only before a capitalised common word.
            return next >= 0 && char.IsUpper(text[next]) && StartsCommonSentenceWord(text, next, end);
        }

        if (next < 0)
        {
            return true;
        }

        var n = text[next];
        if (char.IsLower(n))
        {
            return false; // "approx. ten", "vs. them"
        }

        return true;
    }

    private static bool StartsCommonSentenceWord(string text, int i, int end)
    {
        var j = i;
        while (j < end && char.IsLetter(text[j]))
        {
            j++;
        }

        var word = text.AsSpan(i, j - i).ToString();
        return SentenceStarters.Contains(word);
    }

    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In", "On", "At",
        "His", "Her", "Their", "Its", "Our", "There", "When", "While", "After", "Before", "As", "If", "Some", "Many", "Most",
        "Officials", "Police", "Now", "Then", "Still", "Yet", "So", "For", "With", "According",
    };

    private static int NextNonSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        while (i < end && IsOpener(text[i]))
        {
            i++;
        }

        return i < end ? i : -1;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«';

    private static void Add(string text, int start, int end, List<TextSpan> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        for (var k = start; k < end; k++)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                result.Add(new TextSpan(start, end));
                return;
            }
        }
    }
}
