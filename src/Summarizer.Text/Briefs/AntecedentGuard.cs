using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// A brief sentence must not lean on a sentence the brief left out: one opening with a pronoun
/// ("He said …", "They were …", "This came …") is skipped unless the sentence before it is in the brief,
/// and an opening "But", "However," or "Yet" that answers a missing sentence is deleted.
/// </summary>
internal static partial class AntecedentGuard
{
    public static bool OpensWithPronoun(string sentence) => PronounOpener().IsMatch(sentence);

    public static string WithoutDanglingConnective(string sentence)
    {
        var m = ConnectiveOpener().Match(sentence);
        if (!m.Success || m.Length >= sentence.Length)
        {
            return sentence;
        }

        var rest = sentence[m.Length..];
        return char.IsLower(rest[0]) ? char.ToUpperInvariant(rest[0]) + rest[1..] : rest;
    }

    [GeneratedRegex(@"^[“""‘']?(?:He|She|They|It|His|Her|Their|Its|Him|Them|This|These|Those)\b(?!\s*[-–—])", RegexOptions.CultureInvariant)]
    private static partial Regex PronounOpener();

    [GeneratedRegex(@"^(?:But|Yet|And|However|Still|Instead|Nevertheless|Nonetheless|Moreover|Furthermore|Also)\b,?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectiveOpener();
}
