using Summarizer.Text.Lexicon;

namespace Summarizer.Text;

/// <summary>The word-level view the speaker rules read: tokens with offsets, and word shapes.</summary>
internal static class PhraseTokens
{
    /// <summary>Words (with their dots and apostrophes: "Mr.", "G.K.", "O’Neill") and single punctuation marks.</summary>
    internal static List<(string Word, int Start)> Tokenize(string s, int start, int end)
    {
        var result = new List<(string, int)>();
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsLetterOrDigit(s[j]) || s[j] is '-' or '’' or '\'' || (s[j] == '.' && j + 1 < end && char.IsLetter(s[j + 1]) && j - i <= 2)))
                {
                    j++;
                }

                // Keep the dot of a title, an initial or a dotted acronym ("Mr.", "Gov.", "J.", "U.S."),
                // never a sentence's full stop ("said Mayor Ken Ito.").
                if (j < end && s[j] == '.' && char.IsUpper(c) && (j - i == 1 || s.AsSpan(i, j - i).Contains('.') || QuoteLexicon.TitleAbbreviations.Contains(s[i..j])))
                {
                    j++;
                }

                result.Add((s[i..j], i));
                i = j;
                continue;
            }

            result.Add((c.ToString(), i));
            i++;
        }

        return result;
    }

    internal static string Join(List<(string Word, int Start)> tokens, int from, int to) =>
        string.Join(' ', tokens.Skip(from).Take(to - from + 1).Select(t => t.Word)).Replace(" ,", ",", StringComparison.Ordinal);

    /// <summary>A proper name or a named organisation, not a description ("The …", "A …") or a pronoun.</summary>
    internal static bool IsName(string phrase) => phrase.Length > 0 && char.IsUpper(phrase[0]) && !phrase.StartsWith("The ", StringComparison.Ordinal) && !phrase.StartsWith("A ", StringComparison.Ordinal);

    internal static bool IsCapitalized(string w) => w.Length > 0 && char.IsUpper(w[0]) && !IsPossessiveName(w) && !QuoteLexicon.Pronouns.Contains(w) && w != "I";

    internal static bool IsPossessiveName(string w) => w.Length > 2 && char.IsUpper(w[0]) && (w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal));

    internal static bool IsWord(string w) => w.Length > 0 && char.IsLetter(w[0]);

    /// <summary>An all-capitals word longer than an acronym: a headline ("CONGRESS HAS INVESTIGATED"), not a name.</summary>
    internal static bool IsShouted(string w) => w.Length > 5 && w.All(c => !char.IsLower(c));

    /// <summary>"He’s" → "He", "she'd" → "she": a pronoun with a contracted auxiliary.</summary>
    internal static string StripContraction(string w)
    {
        var apostrophe = w.IndexOfAny(['’', '\'']);
        return apostrophe > 0 && w.Length - apostrophe <= 3 && QuoteLexicon.Pronouns.Contains(w[..apostrophe]) ? w[..apostrophe] : w;
    }

    internal static bool IsPronoun(string w) => QuoteLexicon.Pronouns.Contains(w);
}
