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
    public static IReadOnlyList<string> Summarize(ArticleDocument document, int sentenceCount, ISentenceEmbedder? embedder = null, CancellationToken cancellationToken = default) =>
        Summarize(document, sentenceCount, embedder is null ? BriefRules.Default : BriefRules.WithEmbeddings, embedder, cancellationToken);

    /// <summary>The brief under other <paramref name="rules"/> than the service's (to measure one rule at a time).</summary>
    public static IReadOnlyList<string> Summarize(ArticleDocument document, int sentenceCount, BriefRules rules, ISentenceEmbedder? embedder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(sentenceCount, 1);
        var sentences = document.Sentences;
        if (sentences.Count <= sentenceCount)
        {
            return [.. sentences.Select(s => s.Slice(document.Text))];
        }

        var n = sentences.Count;
        var bags = TermBags(document.Text, sentences, out var vocabularySize);
        var vectors = Weigh(bags, vocabularySize);
        var similarity = embedder is null
            ? SentenceGraph.Sparse([.. vectors.Select(v => (v.Ids, v.Weights, v.Norm))])
            : SentenceGraph.Dense(embedder.Embed([.. sentences.Select(s => s.Slice(document.Text))], cancellationToken));
        var centrality = rules.Directed ? SentenceGraph.Centrality(similarity, n) : SentenceGraph.Degree(similarity, n);
        var minC = centrality.Min();
        for (var i = 0; i < n; i++)
        {
            centrality[i] -= minC;
        }

        var maxC = centrality.Max();
        // A one-sentence brief must carry the article's topic on its own: centrality counts for more
        // there; a longer brief is carried by the lead and centrality only breaks ties.
        var centralityWeight = sentenceCount == 1 ? rules.SingleSentenceCentralityWeight : rules.CentralityWeight;
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            // News puts the essentials first: position dominates, centrality breaks ties further down.
            var position = 1.0 / (1.0 + (0.6 * i));
            var content = IsContent(document.Text, sentences[i], bags[i].Words) ? 1.0 : 0.05;
            scores[i] = content * (((1 - centralityWeight) * position) + (centralityWeight * (maxC > 0 ? centrality[i] / maxC : 0)));
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var chosen = new List<int>(sentenceCount);
        foreach (var i in order)
        {
            if (chosen.Any(c => Redundant(bags[c], bags[i])))
            {
                continue;
            }

            // "He said …" without the sentence that names him reads as about nobody.
            if (rules.GuardAntecedents && i > 0 && !chosen.Contains(i - 1) && AntecedentGuard.OpensWithPronoun(sentences[i].Slice(document.Text)))
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
        var brief = new List<string>(chosen.Count);
        foreach (var i in chosen)
        {
            var text = SentenceCompressor.Compress(sentences[i].Slice(document.Text), rules.DropAttributions);
            if (rules.GuardAntecedents && i > 0 && !chosen.Contains(i - 1))
            {
                text = AntecedentGuard.WithoutDanglingConnective(text);
            }

            brief.Add(text);
        }

        return rules.WordsPerSentence > 0 ? SentenceCompressor.ToBudget(brief, rules.WordsPerSentence * sentenceCount) : brief;
    }

    /// <summary>A sentence worth a place in a brief: enough words, not a byline, caption credit or call to action.</summary>
    private static bool IsContent(string text, TextSpan sentence, int words)
    {
        if (words < 4)
        {
            return false;
        }

        var s = text.AsSpan(sentence.Start, sentence.Length);
        return !Boilerplate().IsMatch(s) && !s.EndsWith(':');
    }

    /// <summary>Most of the smaller sentence's content words already said by the other.</summary>
    private static bool Redundant(TermBag a, TermBag b)
    {
        if (a.Ids.Length == 0 || b.Ids.Length == 0)
        {
            return false;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Ids.Length && j < b.Ids.Length)
        {
            if (a.Ids[i] == b.Ids[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a.Ids[i] < b.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared >= 0.6 * Math.Min(a.Ids.Length, b.Ids.Length);
    }

    /// <summary>
    /// Drops words a brief does not need: a dateline ("LONDON (CNN) -- "), short parentheticals
    /// ("(pictured)", "(similar to the one pictured)") and the stray " ." of caption-joined text.
    /// </summary>
    internal static string Trim(string sentence)
    {
        var s = Dateline().Replace(sentence, string.Empty);
        s = ShortParenthetical().Replace(s, m => DropParenthetical(m.Value, s, m.Index, m.Length));
        s = SpaceBeforePunctuation().Replace(s, "$1");
        return s.Length > 0 ? s : sentence;
    }

    /// <summary>
    /// A parenthetical inside a quotation is the speaker's words or an editor's insertion in them
    /// ("to safely and responsibly (close) the prison"), so it stays; dropping one never glues the
    /// words around it ("India (CNN)As" is "India As", not "IndiaAs").
    /// </summary>
    private static string DropParenthetical(string value, string s, int index, int length)
    {
        if (InsideQuotation(s, index))
        {
            return value;
        }

        var end = index + length;
        return index > 0 && end < s.Length && char.IsLetterOrDigit(s[index - 1]) && char.IsLetterOrDigit(s[end]) ? " " : string.Empty;
    }

    /// <summary>An opening quote mark before <paramref name="index"/> is not yet closed (curly marks by shape, straight ones by count).</summary>
    private static bool InsideQuotation(string s, int index)
    {
        var (curly, straight) = (0, 0);
        for (var i = 0; i < index; i++)
        {
            switch (s[i])
            {
                case '“':
                    curly++;
                    break;
                case '”':
                    curly = Math.Max(0, curly - 1);
                    break;
                case '"':
                    straight ^= 1;
                    break;
            }
        }

        return curly > 0 || straight == 1;
    }

    [GeneratedRegex(@"^(?:By\b|PUBLISHED:|UPDATED:|Last updated|CLICK HERE|Scroll down|Follow\b.*@|READ MORE|Sorry,|Share this with)|@\w+$", RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    // "LONDON (CNN) -- ", "(CNN) -- ", and CNN's glued form "New Delhi, India (CNN)As the earth shook".
    [GeneratedRegex(@"^(?:[A-Z][A-Za-z.,' ]{1,40}\((?:CNN|AP|Reuters|AFP)\)(?:\s*(?:--|—|-)\s*|(?=[A-Z“""]))|\((?:CNN|AP|Reuters|AFP)\)\s*(?:--|—|-)?\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"\s*\((?:[^()0-9]{1,40}|pictured[^()]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ShortParenthetical();

    [GeneratedRegex(@"\s+([.,;:!?])(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();

    /// <summary>Distinct content terms of one sentence (sorted term ids with counts) and its word count.</summary>
    private readonly record struct TermBag(int[] Ids, int[] Counts, int Words);

    /// <summary>A sentence's TF-IDF vector over the same sorted ids, with its norm.</summary>
    private readonly record struct TermVector(int[] Ids, double[] Weights, double Norm);

    /// <summary>
    /// Lower-cased letter/digit runs, stop words dropped, interned to ids through a span lookup so
    /// a token costs no string unless it is new to the article.
    /// </summary>
    private static TermBag[] TermBags(string text, IReadOnlyList<TextSpan> sentences, out int vocabularySize)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var stop = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[48];
        var ids = new List<int>(64);
        var result = new TermBag[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            ids.Clear();
            var (start, end) = (sentences[s].Start, sentences[s].End);
            var i = start;
            while (i < end)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                var j = i;
                var length = 0;
                while (j < end && char.IsLetterOrDigit(text[j]))
                {
                    if (length < buffer.Length)
                    {
                        buffer[length++] = char.ToLowerInvariant(text[j]);
                    }

                    j++;
                }

                i = j;
                var token = buffer[..length];
                if (stop.Contains(token))
                {
                    continue;
                }

                if (!lookup.TryGetValue(token, out var id))
                {
                    id = vocabulary.Count;
                    lookup[token] = id;
                }

                ids.Add(id);
            }

            // Sorted ids with their counts: sort, then run-length encode.
            ids.Sort();
            var distinct = 0;
            for (var k = 0; k < ids.Count; k++)
            {
                if (k == 0 || ids[k] != ids[k - 1])
                {
                    distinct++;
                }
            }

            var termIds = new int[distinct];
            var counts = new int[distinct];
            var d = -1;
            for (var k = 0; k < ids.Count; k++)
            {
                if (k == 0 || ids[k] != ids[k - 1])
                {
                    termIds[++d] = ids[k];
                }

                counts[d]++;
            }

            result[s] = new TermBag(termIds, counts, ids.Count);
        }

        vocabularySize = vocabulary.Count;
        return result;
    }

    private static TermVector[] Weigh(TermBag[] bags, int vocabularySize)
    {
        var df = new int[vocabularySize];
        foreach (var bag in bags)
        {
            foreach (var id in bag.Ids)
            {
                df[id]++;
            }
        }

        var n = bags.Length;
        var result = new TermVector[n];
        for (var s = 0; s < n; s++)
        {
            var bag = bags[s];
            var weights = new double[bag.Ids.Length];
            var norm = 0.0;
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] = bag.Counts[k] * Math.Log(1.0 + ((double)n / df[bag.Ids[k]]));
                norm += weights[k] * weights[k];
            }

            result[s] = new TermVector(bag.Ids, weights, Math.Sqrt(norm));
        }

        return result;
    }

    /// <summary>Words that carry no content, shared with other readers of the text (e.g. the faithfulness alignment, Faithfulness/Words.cs).</summary>
    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was", "were",
        "are", "be", "been", "it", "its", "that", "this", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "said", "says", "has", "have", "had", "not", "no", "will", "would", "can", "could", "after", "before",
        "who", "which", "what", "when", "where", "there", "than", "then", "also", "about", "into", "over", "more", "up", "out",
    };
}
