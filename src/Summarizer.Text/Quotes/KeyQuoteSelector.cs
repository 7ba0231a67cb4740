namespace Summarizer.Text;

/// <summary>
/// Ranks a document's quotes for the key-quote digest: attributed to a named speaker, complete
/// statements, substantive length, earlier position; near-duplicates and quote fragments dropped.
/// The result is in article order.
/// </summary>
public static class KeyQuoteSelector
{
    public const int DefaultMax = 5;

    public static IReadOnlyList<Quote> Select(IReadOnlyList<Quote> quotes, int max)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 0);
        var scored = quotes
            .Select((q, i) => (Quote: q, Words: WordCount(q.Text), Index: i))
            .Where(x => x.Words >= 4)
            .Select(x => (x.Quote, Score: Score(x.Quote, x.Words, x.Index, quotes.Count)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Quote.Start);

        var chosen = new List<Quote>();
        var chosenWords = new List<HashSet<string>>();
        foreach (var (q, _) in scored)
        {
            if (chosen.Count >= max)
            {
                break;
            }

            // Word sets only for the quotes actually considered: the ranking stops at max.
            var words = WordSet(q.Text);
            if (chosenWords.Any(c => Overlap(c, words) > 0.6))
            {
                continue;
            }

            chosen.Add(q);
            chosenWords.Add(words);
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private static double Score(Quote q, int words, int index, int count)
    {
        var score = 0.0;
        score += q.Speaker is null ? 0 : char.IsUpper(q.Speaker[0]) ? 2.0 : 1.2;
        score += q.IsFullStatement ? 1.0 : 0.3;
        score += Math.Min(words, 40) / 40.0;
        score += 0.5 * (1.0 - (double)index / Math.Max(1, count));
        return score;
    }

    private static int WordCount(string s)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    private static HashSet<string> WordSet(string s) =>
        new(s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '!', '?', ';', ':', '"', '“', '”').ToLowerInvariant()), StringComparer.Ordinal);

    /// <summary>Shared words over the smaller quote's words: near 1 for a repeated or re-quoted statement.</summary>
    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }
}
