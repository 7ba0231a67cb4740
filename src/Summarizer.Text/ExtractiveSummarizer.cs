using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Offline, deterministic extractive summariser: sentence centrality (TF-IDF cosine graph) with a
/// strong lead prior, redundancy control, output in article order.
/// </summary>
public static partial class ExtractiveSummarizer
{
    /// <summary>Picks up to <paramref name="sentenceCount"/> sentences and returns their text in article order.</summary>
    public static IReadOnlyList<string> Summarize(ArticleDocument document, int sentenceCount)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(sentenceCount, 1);
        var sentences = document.Sentences;
        if (sentences.Count <= sentenceCount)
        {
            return [.. sentences.Select(s => s.Slice(document.Text))];
        }

        var bags = sentences.Select(s => Tokens(s.Slice(document.Text))).ToArray();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bag in bags)
        {
            foreach (var t in bag.Keys)
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var n = bags.Length;
        var vectors = bags.Select(b => Weigh(b, df, n)).ToArray();
        var centrality = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    centrality[i] += Cosine(vectors[i], vectors[j]);
                }
            }
        }

        var maxC = centrality.Max();
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            var position = 1.0 / Math.Sqrt(i + 1.0);
            var words = bags[i].Values.Sum();
            var lengthPenalty = words < 6 ? 0.3 : 1.0;
            scores[i] = lengthPenalty * (0.75 * position + 0.25 * (maxC > 0 ? centrality[i] / maxC : 0));
        }

        var chosen = new List<int>();
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i))
        {
            if (chosen.Any(c => Cosine(vectors[c], vectors[i]) > 0.6))
            {
                continue;
            }

            chosen.Add(i);
            if (chosen.Count == sentenceCount)
            {
                break;
            }
        }

        chosen.Sort();
        return [.. chosen.Select(i => sentences[i].Slice(document.Text))];
    }

    private static Dictionary<string, int> Tokens(string sentence)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(sentence.ToLowerInvariant()))
        {
            if (!StopWords.Contains(m.Value))
            {
                bag[m.Value] = bag.GetValueOrDefault(m.Value) + 1;
            }
        }

        return bag;
    }

    private static Dictionary<string, double> Weigh(Dictionary<string, int> bag, Dictionary<string, int> df, int n)
    {
        var v = new Dictionary<string, double>(bag.Count, StringComparer.Ordinal);
        foreach (var (t, tf) in bag)
        {
            v[t] = tf * Math.Log(1.0 + (double)n / df[t]);
        }

        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        foreach (var (t, w) in a)
        {
            na += w * w;
            if (b.TryGetValue(t, out var wb))
            {
                dot += w * wb;
            }
        }

        foreach (var w in b.Values)
        {
            nb += w * w;
        }

        return dot / Math.Sqrt(na * nb);
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was", "were",
        "are", "be", "been", "it", "its", "that", "this", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "said", "says", "has", "have", "had", "not", "no", "will", "would", "can", "could", "after", "before",
        "who", "which", "what", "when", "where", "there", "than", "then", "also", "about", "into", "over", "more", "up", "out",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
