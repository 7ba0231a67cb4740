using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Offline, deterministic extractive summariser: sentence centrality (TF-IDF cosine graph) with a
/// dominant lead prior, boilerplate (bylines, captions, calls to action) demoted, redundancy control,
/// datelines and short parentheticals trimmed, output in article order.
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
            // News puts the essentials first: position dominates, centrality breaks ties further down.
            var position = 1.0 / (1.0 + (0.6 * i));
            var content = IsContent(document.Text, sentences[i], bags[i]) ? 1.0 : 0.05;
            scores[i] = content * ((0.9 * position) + (0.1 * (maxC > 0 ? centrality[i] / maxC : 0)));
        }

        var chosen = new List<int>();
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i))
        {
            if (chosen.Any(c => Redundant(bags[c], bags[i])))
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
        return [.. chosen.Select(i => Trim(sentences[i].Slice(document.Text)))];
    }

    /// <summary>A sentence worth a place in a brief: enough words, not a byline, caption credit or call to action.</summary>
    private static bool IsContent(string text, TextSpan sentence, Dictionary<string, int> bag)
    {
        var words = bag.Values.Sum();
        if (words < 4)
        {
            return false;
        }

        var s = sentence.Slice(text);
        return !Boilerplate().IsMatch(s) && !s.EndsWith(':');
    }

    /// <summary>Most of the smaller sentence's content words already said by the other.</summary>
    private static bool Redundant(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Keys.Count(b.ContainsKey);
        return shared >= 0.6 * Math.Min(a.Count, b.Count);
    }

    /// <summary>
    /// Drops words a brief does not need: a dateline ("LONDON (CNN) -- "), short parentheticals
    /// ("(pictured)", "(similar to the one pictured)") and the stray " ." of caption-joined text.
    /// </summary>
    internal static string Trim(string sentence)
    {
        var s = Dateline().Replace(sentence, string.Empty);
        s = ShortParenthetical().Replace(s, string.Empty);
        s = SpaceBeforePunctuation().Replace(s, "$1");
        return s.Length > 0 ? s : sentence;
    }

    [GeneratedRegex(@"^(?:By\b|PUBLISHED:|UPDATED:|Last updated|CLICK HERE|Scroll down|Follow\b.*@|READ MORE|Sorry,|Share this with)|@\w+$", RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"^(?:[A-Z][A-Za-z.,' ]{1,40}\((?:CNN|AP|Reuters|AFP)\)\s*(?:--|—|-)\s*|\((?:CNN|AP|Reuters|AFP)\)\s*(?:--|—|-)?\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"\s*\((?:[^()0-9]{1,40}|pictured[^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ShortParenthetical();

    [GeneratedRegex(@"\s+([.,;:!?])(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();

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
