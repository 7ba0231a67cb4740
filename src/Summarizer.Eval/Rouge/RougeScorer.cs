using System.Text;

namespace Summarizer.Eval.Rouge;

/// <summary>Precision, recall and F1 of one ROUGE variant for one summary.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore From(int hits, int predictedCount, int referenceCount)
    {
        var p = hits / (double)Math.Max(predictedCount, 1);
        var r = hits / (double)Math.Max(referenceCount, 1);
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-Lsum of one prediction against one reference.</summary>
public readonly record struct RougeResult(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeLsum);

/// <summary>
/// ROUGE with the conventions of Google's rouge-score (<c>RougeScorer(["rouge1","rouge2","rougeLsum"],
/// use_stemmer=True)</c>): lower case, every run of characters outside <c>[a-z0-9]</c> is a separator,
/// the Porter stemmer on tokens longer than 3 characters, ROUGE-Lsum as the union-LCS over
/// sentences separated by "\n", and F1 as the reported figure.
/// </summary>
public static class RougeScorer
{
    public static IReadOnlyList<string> Tokenize(string text, bool stem = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                tokens.Add(Finish(sb, stem));
            }
        }

        if (sb.Length > 0)
        {
            tokens.Add(Finish(sb, stem));
        }

        return tokens;
    }

    private static string Finish(StringBuilder sb, bool stem)
    {
        var token = sb.ToString();
        sb.Clear();
        return stem && token.Length > 3 ? PorterStemmer.Stem(token) : token;
    }

    public static RougeResult Score(string prediction, string reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        var p = Tokenize(prediction);
        var r = Tokenize(reference);
        return new RougeResult(NGram(p, r, 1), NGram(p, r, 2), LcsSum(Sentences(prediction), Sentences(reference)));
    }

    public static RougeScore NGram(IReadOnlyList<string> prediction, IReadOnlyList<string> reference, int n)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        var predicted = Counts(prediction, n);
        var target = Counts(reference, n);
        var hits = 0;
        foreach (var (gram, count) in predicted)
        {
            hits += Math.Min(count, target.GetValueOrDefault(gram));
        }

        return RougeScore.From(hits, predicted.Values.Sum(), target.Values.Sum());
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<string> tokens, int n)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            result[gram] = result.GetValueOrDefault(gram) + 1;
        }

        return result;
    }

    private static List<IReadOnlyList<string>> Sentences(string text) =>
        [.. text.Split('\n').Where(s => s.Length > 0).Select(s => Tokenize(s))];

    /// <summary>
    /// Summary-level LCS (rouge-score's <c>_summary_level_lcs</c>): for each reference sentence the
    /// union of its LCS positions with every predicted sentence; each token is counted at most as
    /// often as it occurs in both texts.
    /// </summary>
    public static RougeScore LcsSum(IReadOnlyList<IReadOnlyList<string>> prediction, IReadOnlyList<IReadOnlyList<string>> reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        var m = reference.Sum(s => s.Count);
        var n = prediction.Sum(s => s.Count);
        if (m == 0 || n == 0)
        {
            return new RougeScore(0, 0, 0);
        }

        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        var right = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in reference.SelectMany(s => s))
        {
            left[t] = left.GetValueOrDefault(t) + 1;
        }

        foreach (var t in prediction.SelectMany(s => s))
        {
            right[t] = right.GetValueOrDefault(t) + 1;
        }

        var hits = 0;
        foreach (var r in reference)
        {
            var union = new SortedSet<int>();
            foreach (var c in prediction)
            {
                union.UnionWith(LcsIndices(r, c));
            }

            foreach (var i in union)
            {
                var t = r[i];
                if (right.GetValueOrDefault(t) > 0 && left.GetValueOrDefault(t) > 0)
                {
                    hits++;
                    right[t]--;
                    left[t]--;
                }
            }
        }

        return RougeScore.From(hits, n, m);
    }

    /// <summary>Indices into <paramref name="reference"/> of one LCS, backtracked as rouge-score does.</summary>
    public static IReadOnlyList<int> LcsIndices(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        var rows = reference.Count;
        var cols = candidate.Count;
        var t = new int[rows + 1, cols + 1];
        for (var i = 1; i <= rows; i++)
        {
            for (var j = 1; j <= cols; j++)
            {
                t[i, j] = reference[i - 1] == candidate[j - 1] ? t[i - 1, j - 1] + 1 : Math.Max(t[i - 1, j], t[i, j - 1]);
            }
        }

        var result = new List<int>();
        int a = rows, b = cols;
        while (a > 0 && b > 0)
        {
            if (reference[a - 1] == candidate[b - 1])
            {
                result.Add(a - 1);
                a--;
                b--;
            }
            else if (t[a, b - 1] > t[a - 1, b])
            {
                b--;
            }
            else
            {
                a--;
            }
        }

        result.Reverse();
        return result;
    }
}
