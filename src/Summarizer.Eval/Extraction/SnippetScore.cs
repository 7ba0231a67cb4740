using System.Text.RegularExpressions;

namespace Summarizer.Eval.Extraction;

/// <summary>
/// trafilatura's evaluation (tests/eval_common.py), as shared/data/html/README.md states it: both
/// sides whitespace-normalised; a "with" snippet found in the output is a true positive (else a
/// false negative), a "without" snippet found is a false positive (else a true negative); counts
/// summed over pages.
/// </summary>
internal sealed partial class SnippetScore
{
    public int Pages { get; private set; }

    public int TruePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int FalsePositives { get; private set; }

    public int TrueNegatives { get; private set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores one page's output; returns the snippets it missed and the boilerplate it kept.</summary>
    public (List<string> Missed, List<string> Kept) Add(string output, IEnumerable<string> with, IEnumerable<string> without)
    {
        var text = Normalize(output);
        var missed = new List<string>();
        var kept = new List<string>();
        foreach (var s in with)
        {
            if (text.Contains(Normalize(s), StringComparison.Ordinal))
            {
                TruePositives++;
            }
            else
            {
                FalseNegatives++;
                missed.Add(s);
            }
        }

        foreach (var s in without)
        {
            if (text.Contains(Normalize(s), StringComparison.Ordinal))
            {
                FalsePositives++;
                kept.Add(s);
            }
            else
            {
                TrueNegatives++;
            }
        }

        Pages++;
        return (missed, kept);
    }

    internal static string Normalize(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
