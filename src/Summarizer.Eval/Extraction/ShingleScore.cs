using System.Text.RegularExpressions;

namespace Summarizer.Eval.Extraction;

/// <summary>
/// The body score of scrapinghub/article-extraction-benchmark's evaluate.py, as
/// shared/data/html/README.md states it: <c>\w+</c> tokens, 4-token shingles with multiplicity
/// (a text of fewer tokens is one shingle), per-page TP/FP/FN normalised by their sum; precision is
/// the mean over pages with TP+FP &gt; 0, recall over pages with TP+FN &gt; 0; F1 from the two means.
/// </summary>
internal sealed partial class ShingleScore
{
    private const int N = 4;
    private readonly List<(double Tp, double Fp, double Fn)> pages = [];

    public int Pages => pages.Count;

    public double Precision => Mean(pages.Where(p => p.Tp + p.Fp > 0).Select(p => PrecisionOf(p.Tp, p.Fp, p.Fn)));

    public double Recall => Mean(pages.Where(p => p.Tp + p.Fn > 0).Select(p => RecallOf(p.Tp, p.Fp, p.Fn)));

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public (double Tp, double Fp, double Fn) Add(string expected, string predicted)
    {
        var truth = Shingles(expected);
        var pred = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in truth.Keys.Union(pred.Keys))
        {
            var t = truth.GetValueOrDefault(key);
            var p = pred.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }

        var sum = tp + fp + fn;
        var page = sum > 0 ? (tp / sum, fp / sum, fn / sum) : (tp, fp, fn);
        pages.Add(page);
        return page;
    }

    private static double PrecisionOf(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);

    private static double RecallOf(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }

    internal static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Token().Matches(text ?? "").Select(m => m.Value).ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, tokens.Count - N + 1); i++)
        {
            var shingle = tokens.GetRange(i, Math.Min(N, tokens.Count - i));
            if (shingle.Count == 0)
            {
                continue;
            }

            var key = string.Join('\u0001', shingle);
            result[key] = result.GetValueOrDefault(key) + 1;
        }

        return result;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Token();
}
