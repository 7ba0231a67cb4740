using System.Text.RegularExpressions;

namespace Summarizer.Eval.Extraction;

/// <summary>Whether a page of the snippet corpus is in English, judged from its gold snippets
/// (the share of common English function words), so the slice does not depend on the system.</summary>
internal static partial class EnglishPages
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "it", "was", "as", "are", "this",
        "by", "be", "at", "from", "have", "has", "not", "or", "an", "which", "you", "we", "they", "their", "will",
    };

    public static bool IsEnglish(IEnumerable<string> snippets)
    {
        var words = Word().Matches(string.Join(' ', snippets).ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var hits = words.Count(FunctionWords.Contains);
        return hits >= 1 && hits >= words.Count * 0.06;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
