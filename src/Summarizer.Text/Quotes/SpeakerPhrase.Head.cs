using Summarizer.Text.Lexicon;
using static Summarizer.Text.PhraseTokens;

namespace Summarizer.Text;

/// <summary>
/// What may be a speaker at all (docs/ATTRIBUTION.md, "A speaker is a noun phrase"): a pronoun, a
/// name (capitalised words, not a headline, not a possessive), or a description headed by a noun for
/// a person, a group, an organisation or a document. Anything else found next to a cue — a bare
/// fragment, a possessor, a description that ran on into its verb — is no speaker, and the rule that
/// found it lets the next one try.
/// </summary>
internal static partial class SpeakerPhrase
{

    /// <summary>
    /// The phrase as a speaker, or null when it cannot be one. With <paramref name="cutAtVerb"/> (a
    /// phrase read forwards that did not stop at its cue) a description that ran on into a verb is
    /// trimmed to its head ("The piece used one" → "The piece"); a phrase that ends at its cue keeps
    /// its participles ("A GAO report released last year found").
    /// </summary>
    internal static string? Checked(string? phrase, bool cutAtVerb)
    {
        if (phrase is null)
        {
            return null;
        }

        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        if (words.Length == 1 && IsPronoun(StripContraction(words[0])))
        {
            return phrase;
        }

        // "Said Ellis: “…”": a capitalised reporting verb opening the sentence is not part of the name.
        if (words.Length > 1 && char.IsUpper(words[0][0]) && Cues.IsCue(words[0].ToLowerInvariant()))
        {
            words = words[1..];
        }

        // "Donald Trump’s tweet", "Mr. Obama's remarks": the owner of what was said is not its speaker.
        if (IsPossessive(words[^1].TrimEnd(',')))
        {
            return null;
        }

        var first = words[0];
        var lastWord = words[^1].Trim('(', ')', ',');
        var endsCapitalised = (lastWord.Length > 0 && char.IsUpper(lastWord[0])) || words[^1].EndsWith(')');
        var nameLike = endsCapitalised && (first.Equals("the", StringComparison.OrdinalIgnoreCase) || (char.IsUpper(first[0]) && !QuoteLexicon.Determiners.Contains(first))
                                           || (QuoteLexicon.NameParticles.Contains(first) && words.Length > 1));
        if (nameLike)
        {
            return string.Join(' ', words);
        }

        return Description(words, cutAtVerb);
    }

    /// <summary>
    /// A description is kept when its head — the last word before its first post-modifier ("a
    /// spokeswoman for the company"), past "of" after a quantifier ("one of the organizers"), and
    /// before a verb the phrase ran into ("The piece used one") — is a speaker noun.
    /// </summary>
    private static string? Description(string[] words, bool cutAtVerb)
    {
        var end = words.Length;
        var ranIntoVerb = false;
        for (var i = 1; i < words.Length; i++)
        {
            var w = words[i].TrimEnd(',');
            var previous = words[i - 1].TrimEnd(',');
            if (words[i - 1].EndsWith(',') || previous.Length == 0 || w.Length == 0)
            {
                end = i;
                break;
            }

            if (w.Equals("of", StringComparison.OrdinalIgnoreCase) && (QuoteLexicon.HeadQuantifiers.Contains(previous) || char.IsDigit(previous[0])))
            {
                continue;
            }

            if (QuoteLexicon.DescriptionPostModifiers.Contains(w))
            {
                end = i;
                break;
            }

            if (IsSpeakerNoun(previous) && IsVerbAfterHead(w, previous))
            {
                (end, ranIntoVerb) = (i, true);
                break;
            }
        }

        if (!IsSpeakerNoun(words[end - 1].TrimEnd(',')))
        {
            return null;
        }

        return string.Join(' ', ranIntoVerb && cutAtVerb ? words[..end] : words);
    }

    /// <summary>A noun for a person, group, organisation or document, singular or plural.</summary>
    internal static bool IsSpeakerNoun(string word)
    {
        if (word.Length < 2 || !char.IsLetter(word[0]))
        {
            return false;
        }

        var w = word.ToLowerInvariant();
        foreach (var form in Singulars(w))
        {
            if (QuoteLexicon.SpeakerHeads.Contains(form))
            {
                return true;
            }

            if (QuoteLexicon.SpeakerHeadExceptions.Contains(form))
            {
                return false;
            }
        }

        foreach (var form in Singulars(w))
        {
            foreach (var suffix in QuoteLexicon.SpeakerHeadSuffixes)
            {
                if (form.Length > suffix.Length + 2 && form.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Singulars(string w)
    {
        yield return w;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            yield return w[..^3] + "y";
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 3)
        {
            yield return w[..^2];
        }

        if (w.EndsWith('s') && w.Length > 2)
        {
            yield return w[..^1];
        }
    }

    /// <summary>"groups granted", "piece used", "article closes": a verb right after the head noun.</summary>
    private static bool IsVerbAfterHead(string word, string head)
    {
        if (word.Length < 3 || !char.IsLower(word[0]) || IsSpeakerNoun(word))
        {
            return false;
        }

        return word.EndsWith("ed", StringComparison.Ordinal)
               || (word.EndsWith('s') && !head.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal));
    }

    private static bool IsPossessive(string w) =>
        w.Length > 2 && (w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("s’", StringComparison.Ordinal));
}
