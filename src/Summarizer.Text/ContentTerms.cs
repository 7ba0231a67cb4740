namespace Summarizer.Text;

/// <summary>
/// The content words of a sentence (lower case, stop words dropped, a plural "s" folded), and how
/// much two sentences share: the overlap coefficient |A ∩ B| / min(|A|, |B|), so a short sentence
/// told again inside a longer one still counts as told.
/// </summary>
public static class ContentTerms
{
    public static HashSet<string> Of(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < sentence.Length)
        {
            if (!char.IsLetterOrDigit(sentence[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || (sentence[i] is '\'' or '’' && i + 1 < sentence.Length && char.IsLetter(sentence[i + 1]))))
            {
                i++;
            }

            var word = sentence[start..i].ToLowerInvariant().Replace('’', '\'');
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            if (word.Length < 2 || ExtractiveSummarizer.StopWords.Contains(word))
            {
                continue;
            }

            terms.Add(word.Length > 3 && word[^1] == 's' && word[^2] != 's' ? word[..^1] : word);
        }

        return terms;
    }

    /// <summary>|A ∩ B| / min(|A|, |B|); 0 when either is empty.</summary>
    public static double Overlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }
}
