using Summarizer.Text.Lexicon;

namespace Summarizer.Text;

/// <summary>
/// Reporting verbs that attribute a quotation ("said", "told", "called it", "described as"), read
/// from the lexicon's <c>[reporting-verbs]</c>, <c>[cue-nouns]</c> and <c>[invertible-cues]</c>.
/// </summary>
internal static class Cues
{
    /// <summary>Lower case only: a capitalised "State" or "Post" is part of a name, not a cue.</summary>
    public static bool IsCue(string word) => word.Length > 0 && char.IsLower(word[0]) && QuoteLexicon.ReportingVerbs.Contains(word);

    /// <summary>
    /// Cue forms that are as often plural nouns ("late-night tweets", "his remarks"): they count as
    /// a verb only after a name, a pronoun or a determiner-led description, never after a bare word.
    /// </summary>
    public static bool IsAlsoNoun(string word) => QuoteLexicon.CueNouns.Contains(word);

    /// <summary>Cues that can stand after a quote with the speaker after them: "…,” said Smith.</summary>
    public static bool IsInvertible(string word) => QuoteLexicon.InvertibleCues.Contains(word);
}
