using System.Text;

namespace Summarizer.Grains.Collections;

/// <summary>
/// A quote reduced to what two outlets printing the same statement share: its words, lower case,
/// without punctuation, quote marks or apostrophes, contractions written out (<c>we’ve</c> = <c>we
/// have</c>, <c>don't</c> = <c>do not</c>) and a plural <c>s</c> folded (<c>laws</c> = <c>law</c>), in
/// segments split at ellipses (an outlet that cut words out of the middle prints the rest in order).
/// </summary>
public sealed class QuoteWords
{
    /// <summary>Fewer words than this and a quote is only ever the same as an identical one: "No comment" in two articles may be two statements.</summary>
    public const int MinFragmentWords = 5;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without" };

    private QuoteWords(IReadOnlyList<string[]> segments)
    {
        Segments = segments;
        Words = [.. segments.SelectMany(s => s)];
    }

    public IReadOnlyList<string[]> Segments { get; }

    public IReadOnlyList<string> Words { get; }

    public static QuoteWords Of(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var segments = new List<string[]>();
        var words = new List<string>();
        var word = new StringBuilder();
        var suffix = new StringBuilder();
        var inSuffix = false;
        for (var i = 0; i <= quote.Length; i++)
        {
            var c = i < quote.Length ? quote[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                (inSuffix ? suffix : word).Append(char.ToLowerInvariant(c));
                continue;
            }

            if ((c is '\'' or '’' or '‘') && word.Length > 0 && !inSuffix && i + 1 < quote.Length && char.IsLetter(quote[i + 1]))
            {
                inSuffix = true; // the part after an apostrophe inside a word: we’ve, don't, it's
                continue;
            }

            if (word.Length > 0)
            {
                AddWord(words, word.ToString(), suffix.ToString());
            }

            word.Clear();
            suffix.Clear();
            inSuffix = false;
            var ellipsis = c == '…' || (c == '.' && i + 2 < quote.Length && quote[i + 1] == '.' && quote[i + 2] == '.');
            if (ellipsis && words.Count > 0)
            {
                segments.Add([.. words]);
                words.Clear();
            }
        }

        if (words.Count > 0)
        {
            segments.Add([.. words]);
        }

        return new QuoteWords(segments);
    }

    /// <summary>
    /// True when the two are one statement: the same words, or one (at least
    /// <see cref="MinFragmentWords"/> words long) a fragment of the other: each of its segments found
    /// in the other, in order, where a long segment may miss one word in ten and the other may have
    /// one word in four inserted ("this is just unbearable" = "I mean, this is just unbearable"), but
    /// never a negation more or less.
    /// </summary>
    public static bool SameStatement(QuoteWords a, QuoteWords b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Words.Count == 0 || b.Words.Count == 0)
        {
            return false;
        }

        if (a.Words.SequenceEqual(b.Words, StringComparer.Ordinal))
        {
            return true;
        }

        var (shorter, longer) = a.Words.Count <= b.Words.Count ? (a, b) : (b, a);
        if (shorter.Words.Count < MinFragmentWords || !CouldContain(longer.Words, shorter.Words))
        {
            return false;
        }

        var from = 0;
        foreach (var segment in shorter.Segments)
        {
            from = Align(segment, longer.Words, from);
            if (from < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cheap test first: enough of the shorter's words occur in the longer at all.</summary>
    private static bool CouldContain(IReadOnlyList<string> longer, IReadOnlyList<string> shorter)
    {
        var present = new HashSet<string>(longer, StringComparer.Ordinal);
        var found = shorter.Count(present.Contains);
        return found >= shorter.Count - Misses(shorter.Count);
    }

    private static int Misses(int length) => length / 10;

    /// <summary>
    /// Where <paramref name="segment"/> ends in <paramref name="words"/> when found compactly from
    /// <paramref name="from"/> on (a longest common subsequence within a window a quarter longer than
    /// the segment, with as many negations inside as the segment has), or −1.
    /// </summary>
    private static int Align(string[] segment, IReadOnlyList<string> words, int from)
    {
        var n = segment.Length;
        var window = n + Math.Max(2, n / 4);
        var need = n - Misses(n);
        for (var start = from; start < words.Count; start++)
        {
            if (!string.Equals(words[start], segment[0], StringComparison.Ordinal) && (n < 2 || !string.Equals(words[start], segment[1], StringComparison.Ordinal)))
            {
                continue;
            }

            var end = Math.Min(words.Count, start + window);
            var (matched, last) = Lcs(segment, words, start, end);
            if (matched >= need && Negated(segment, 0, n) == Negated(words, start, last + 1))
            {
                return last + 1;
            }
        }

        return -1;
    }

    /// <summary>Length of the longest common subsequence of <paramref name="a"/> and words[start..end), and the last position of words it uses.</summary>
    private static (int Matched, int Last) Lcs(string[] a, IReadOnlyList<string> words, int start, int end)
    {
        var m = end - start;
        var table = new int[a.Length + 1, m + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                table[i, j] = string.Equals(a[i - 1], words[start + j - 1], StringComparison.Ordinal)
                    ? table[i - 1, j - 1] + 1
                    : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        var best = table[a.Length, m];
        var last = m;
        while (last > 0 && table[a.Length, last - 1] == best)
        {
            last--; // the shortest prefix of the window that still holds the whole match
        }

        return (best, start + last - 1);
    }

    private static int Negated(IReadOnlyList<string> words, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += Negations.Contains(words[i]) ? 1 : 0;
        }

        return count;
    }

    private static void AddWord(List<string> words, string word, string suffix)
    {
        switch (suffix)
        {
            case "t" when word.Length > 1 && word[^1] == 'n': // don't, can't, won't
                words.Add(word[..^1]);
                words.Add("not");
                return;
            case "ve": words.Add(word); words.Add("have"); return;
            case "re": words.Add(word); words.Add("are"); return;
            case "ll": words.Add(word); words.Add("will"); return;
            case "m": words.Add(word); words.Add("am"); return;
            case "d": words.Add(word); words.Add("would"); return;
            default:
                var whole = (word + suffix).Normalize(NormalizationForm.FormC);
                words.Add(whole.Length > 3 && whole[^1] == 's' && whole[^2] != 's' ? whole[..^1] : whole);
                return;
        }
    }

    public override string ToString() => string.Join(" … ", Segments.Select(s => string.Join(' ', s)));
}
