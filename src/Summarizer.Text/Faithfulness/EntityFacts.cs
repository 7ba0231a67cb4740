using Summarizer.Text.Lexicon;

namespace Summarizer.Text.Faithfulness;

/// <summary>
/// Names of a sentence: runs of capitalised words (a hyphen may join them), titles and honorifics
/// dropped ("President Obama" is the name Obama). A capitalised word where any word may be
/// capitalised (sentence start, after a quote mark or colon) is a name only when the article never
/// writes it in lower case and it is no function word. Date words are dates, not names.
/// </summary>
internal static class EntityFacts
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Dame", "Lord", "Lady" };

    /// <param name="isCommon">The article writes this lower-case word in lower case somewhere.</param>
    public static void Extract(string text, IReadOnlyList<Word> words, Func<string, bool> isCommon, List<Fact> into)
    {
        var i = 0;
        while (i < words.Count)
        {
            if (!IsNameWord(text, words, i, isCommon))
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < words.Count && Joined(text, words[j - 1], words[j]) && IsNameWord(text, words, j, isCommon))
            {
                j++;
            }

            var parts = new List<string>(j - i);
            for (var k = i; k < j; k++)
            {
                var surface = words[k].Surface;
                if (!Honorifics.Contains(surface) && !(k < j - 1 && QuoteLexicon.NameTitles.Contains(surface)))
                {
                    parts.Add(words[k].Key);
                }
            }

            if (parts.Count > 0)
            {
                var (start, end) = (words[i].Start, words[j - 1].End);
                into.Add(new Fact(FactKind.Entity, string.Join(' ', parts), text[start..end], start, end) { Parts = parts });
            }

            i = j;
        }
    }

    private static bool IsNameWord(string text, IReadOnlyList<Word> words, int i, Func<string, bool> isCommon)
    {
        var w = words[i];
        if (!w.Capitalised || w.IsNumber || w.Surface is "I" || DateFacts.IsDateWord(w.Surface))
        {
            return false;
        }

        var lower = w.Surface.ToLowerInvariant();
        if (ExtractiveSummarizer.StopWords.Contains(lower) || w.Negation)
        {
            return false;
        }

        if (!CapitalisedAnyway(text, words, i))
        {
            return true;
        }

        // "Reportedly, ...", "Meanwhile ...": an adverb opening a sentence is no name.
        return !QuoteLexicon.FunctionWords.Contains(w.Surface) && !lower.EndsWith("ly", StringComparison.Ordinal) && !isCommon(lower) && !isCommon(w.Key);
    }

    /// <summary>The word opens the sentence, a quotation, a parenthesis or what follows a colon or dash.</summary>
    private static bool CapitalisedAnyway(string text, IReadOnlyList<Word> words, int i)
    {
        if (i == 0)
        {
            return true;
        }

        for (var k = words[i].Start - 1; k >= words[i - 1].End; k--)
        {
            var c = text[k];
            if (c is '“' or '"' or '‘' or '\'' or ':' or '(' or '—' or '–' or '.' or '!' or '?' or '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only a space or a hyphen between two words of one name.</summary>
    private static bool Joined(string text, Word a, Word b)
    {
        var gap = b.Start - a.End;
        return gap == 1 && text[a.End] is ' ' or '-' or '\u00a0';
    }
}
