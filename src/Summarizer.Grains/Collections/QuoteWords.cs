using System.Text;

namespace Summarizer.Grains.Collections;

/// <summary>
/// A quote reduced to what two outlets printing the same statement share: its words, lower case,
/// without punctuation, quote marks or apostrophes (so <c>don’t</c> and <c>don't</c> agree), in
/// segments split at ellipses (an outlet that cut words out of the middle prints the rest in order).
/// </summary>
public sealed class QuoteWords
{
    /// <summary>Fewer words than this and a quote is only ever the same as an identical one: "No comment" in two articles may be two statements.</summary>
    public const int MinFragmentWords = 5;

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
        for (var i = 0; i <= quote.Length; i++)
        {
            var c = i < quote.Length ? quote[i] : ' ';
            var ellipsis = c == '…' || (c == '.' && i + 2 < quote.Length && quote[i + 1] == '.' && quote[i + 2] == '.');
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if ((c is '\'' or '’' or '‘') && word.Length > 0 && i + 1 < quote.Length && char.IsLetter(quote[i + 1]))
            {
                continue; // an apostrophe inside a word: don't = dont
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString().Normalize(NormalizationForm.FormC));
                word.Clear();
            }

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
    /// <see cref="MinFragmentWords"/> words long) a fragment of the other, each of its segments found
    /// in the other, in order.
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
        return shorter.Words.Count >= MinFragmentWords && SegmentsInOrder(shorter.Segments, longer.Words);
    }

    private static bool SegmentsInOrder(IReadOnlyList<string[]> segments, IReadOnlyList<string> words)
    {
        var from = 0;
        foreach (var segment in segments)
        {
            var at = IndexOf(words, segment, from);
            if (at < 0)
            {
                return false;
            }

            from = at + segment.Length;
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> words, string[] segment, int from)
    {
        for (var i = from; i + segment.Length <= words.Count; i++)
        {
            var j = 0;
            while (j < segment.Length && string.Equals(words[i + j], segment[j], StringComparison.Ordinal))
            {
                j++;
            }

            if (j == segment.Length)
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() => string.Join(" … ", Segments.Select(s => string.Join(' ', s)));

}
