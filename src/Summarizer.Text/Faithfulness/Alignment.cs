namespace Summarizer.Text.Faithfulness;

/// <summary>
/// Lexical alignment of a brief sentence to the article: the article sentence with the best
/// content-word F1, then up to two more that each add at least two of the brief sentence's content
/// words not yet covered (a brief sentence often fuses two or three source sentences). The further
/// sentences are chosen on words outside facts (<see cref="SentenceFacts.AlignKeys"/>), so a
/// sentence never joins the sources for holding the very name or number being checked. The support
/// score is the share of the brief sentence's content words that the sources hold.
/// </summary>
internal static class Alignment
{
    public const int MaxSources = 3;

    private const int MinGain = 2;

    /// <summary>The supporting sentences (indices, in article order) and the share of the brief's content words they hold.</summary>
    public static (List<int> Sources, double Support) Align(ArticleFacts article, SentenceFacts brief)
    {
        var sources = new List<int>(MaxSources);
        var wanted = brief.AlignKeys;
        if (brief.ContentKeys.Count == 0)
        {
            return (sources, 1.0);
        }

        var sentences = article.Sentences;
        var best = -1;
        var bestF1 = 0.0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var shared = Shared(brief.ContentKeys, sentences[i].ContentKeys, null);
            if (shared == 0)
            {
                continue;
            }

            var f1 = 2.0 * shared / (brief.ContentKeys.Count + sentences[i].ContentKeys.Count);
            if (f1 > bestF1)
            {
                (best, bestF1) = (i, f1);
            }
        }

        if (best < 0)
        {
            return (sources, 0.0);
        }

        sources.Add(best);
        var covered = new HashSet<string>(wanted.Where(sentences[best].AlignKeys.Contains), StringComparer.Ordinal);
        while (sources.Count < MaxSources && covered.Count < wanted.Count)
        {
            var next = -1;
            var nextGain = MinGain - 1;
            for (var i = 0; i < sentences.Count; i++)
            {
                if (sources.Contains(i))
                {
                    continue;
                }

                var gain = Shared(wanted, sentences[i].AlignKeys, covered);
                if (gain > nextGain)
                {
                    (next, nextGain) = (i, gain);
                }
            }

            if (next < 0)
            {
                break;
            }

            sources.Add(next);
            covered.UnionWith(wanted.Where(sentences[next].AlignKeys.Contains));
        }

        sources.Sort();
        var found = brief.ContentKeys.Count(k => sources.Any(i => sentences[i].ContentKeys.Contains(k)));
        return (sources, (double)found / brief.ContentKeys.Count);
    }

    /// <summary>Brief words in the sentence, not counting those already <paramref name="covered"/>.</summary>
    private static int Shared(HashSet<string> wanted, HashSet<string> sentence, HashSet<string>? covered)
    {
        var n = 0;
        foreach (var w in wanted)
        {
            if (sentence.Contains(w) && (covered is null || !covered.Contains(w)))
            {
                n++;
            }
        }

        return n;
    }
}
