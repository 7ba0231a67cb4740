namespace Summarizer.Text.Faithfulness;

/// <summary>
/// One word of a sentence: its offsets in the text it was read from, a matching key (lower case,
/// possessive and plural dropped), whether it is capitalised, a content word, or a negation cue.
/// </summary>
internal readonly record struct Word(string Key, string Surface, int Start, int End, bool Capitalised, bool IsNumber, bool Content, bool Negation);

/// <summary>
/// Splits text into <see cref="Word"/>s: letter runs and digit runs (<c>3,000</c> and <c>3.5</c> are
/// one run; <c>3m</c> is two), an apostrophe suffix (<c>'s</c>, <c>n't</c>) kept on its word.
/// Stop words are <see cref="ExtractiveSummarizer.StopWords"/>, so ranking and alignment agree.
/// </summary>
internal static class Words
{
    private static readonly HashSet<string> NegationCues = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "none", "nobody", "nothing", "neither", "nor", "cannot", "nowhere",
    };

    public static bool IsNegationCue(string lower) => NegationCues.Contains(lower);

    public static List<Word> Read(string text, int start, int end)
    {
        var result = new List<Word>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsDigit(text[j]) || (text[j] is ',' or '.' && j + 1 < end && char.IsDigit(text[j + 1]))))
                {
                    j++;
                }

                var surface = text[i..j];
                result.Add(new Word(surface.Replace(",", string.Empty, StringComparison.Ordinal), surface, i, j, false, true, true, false));
                i = j;
            }
            else if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < end && (char.IsLetter(text[j]) || text[j] is '\u0301' or '\u0308'))
                {
                    j++;
                }

                var wordEnd = j;
                var negation = false;
                // An apostrophe suffix stays on its word: "Locke's", "didn't", "they're".
                if (j + 1 < end && text[j] is '\'' or '’' && char.IsLetter(text[j + 1]))
                {
                    var k = j + 1;
                    while (k < end && char.IsLetter(text[k]))
                    {
                        k++;
                    }

                    var suffix = text.AsSpan(j + 1, k - j - 1);
                    if (suffix.Length <= 2)
                    {
                        negation = suffix.Equals("t", StringComparison.OrdinalIgnoreCase) && wordEnd > i && char.ToLowerInvariant(text[wordEnd - 1]) == 'n';
                        j = k;
                    }
                }

                var surface = text[i..wordEnd];
                var lower = surface.ToLowerInvariant();
                negation |= NegationCues.Contains(lower);
                var key = Key(lower);
                var content = !negation && !ExtractiveSummarizer.StopWords.Contains(lower) && lower.Length > 1;
                result.Add(new Word(key, surface, i, wordEnd, char.IsUpper(c), false, content, negation));
                i = j;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>
    /// Lower case without a plural or -ed/-ing ending: "officials" and "official" match, "confirmed" and
    /// "confirm" too; "boss" stays, and a stem shorter than four letters keeps its ending ("used").
    /// </summary>
    public static string Key(string lower)
    {
        if (lower.Length > 6 && lower.EndsWith("ing", StringComparison.Ordinal))
        {
            return lower[..^3];
        }

        if (lower.Length > 5 && lower.EndsWith("ed", StringComparison.Ordinal) && lower[^3] != 'e')
        {
            return lower[..^2];
        }

        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(lower.AsSpan(0, lower.Length - 3), "y");
        }

        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] is not ('s' or 'u' or 'i'))
        {
            return lower[..^1];
        }

        return lower;
    }
}
