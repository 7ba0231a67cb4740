using Summarizer.Text.Lexicon;
using static Summarizer.Text.PhraseTokens;

namespace Summarizer.Text;

/// <summary>
/// The phrase that ends at a given token, read backwards: a name (with titles, initials, particles
/// and "of the Sierra Club" qualifiers), a pronoun, or a description back to its determiner or
/// possessive, with a post-modifier's object giving way to its owner.
/// </summary>
internal static partial class SpeakerPhrase
{
    private static string? Phrase(List<(string Word, int Start)> tokens, int last, int floor, bool allowBare = true)
    {
        if (last < floor)
        {
            return null;
        }

        var w = tokens[last].Word;
        if (w == ")")
        {
            // "Mike Pence (R-IN) said": skip the parenthesis.
            var k = last;
            while (k > floor && tokens[k].Word != "(")
            {
                k--;
            }

            return k > floor ? Phrase(tokens, k - 1, floor, allowBare) : null;
        }

        if (QuoteLexicon.Pronouns.Contains(StripContraction(w)))
        {
            return StripContraction(w);
        }

        if (IsCapitalized(w) || IsPossessiveName(w))
        {
            var k = last;
            while (k - 1 >= floor && ((IsCapitalized(tokens[k - 1].Word) && !QuoteLexicon.FunctionWords.Contains(tokens[k - 1].Word) && !tokens[k - 1].Word.EndsWith("ly", StringComparison.Ordinal))
                   || (QuoteLexicon.NameParticles.Contains(tokens[k - 1].Word) && k - 2 >= floor && IsCapitalized(tokens[k - 2].Word))))
            {
                k--;
            }

            if (QuoteLexicon.FunctionWords.Contains(tokens[k].Word) && k == last)
            {
                return null;
            }

            // "Mr. Morgan of the Sierra Club said": the organisation qualifies the person before it.
            var q = k - 1;
            if (q - 1 >= floor && tokens[q].Word == "the")
            {
                q--;
            }

            if (q - 1 >= floor && tokens[q].Word is "of" or "at" or "for" && IsCapitalized(tokens[q - 1].Word) && !QuoteLexicon.FunctionWords.Contains(tokens[q - 1].Word)
                && !QuoteLexicon.OfficeWords.Contains(tokens[q - 1].Word))
            {
                var person = Phrase(tokens, q - 1, floor, allowBare);
                if (person is not null && IsName(person))
                {
                    return person;
                }
            }

            // "a senior diplomat based in the Middle East told": the name is the object of a
            // post-modifier; the speaker is the description that owns it.
            if (k - 1 >= floor && QuoteLexicon.NameObjectPrepositions.Contains(tokens[k - 1].Word))
            {
                for (var d = k - 2; d >= floor && k - d <= 9; d--)
                {
                    var t = tokens[d].Word;
                    if (!IsWord(t) || Cues.IsCue(t) || (QuoteLexicon.ClauseBreakers.Contains(t) && !QuoteLexicon.NameObjectPrepositions.Contains(t)))
                    {
                        break;
                    }

                    if (QuoteLexicon.Determiners.Contains(t) && char.IsLower(t[0]))
                    {
                        return Join(tokens, d, last);
                    }
                }
            }

            return Join(tokens, k, last);
        }

        if (!IsWord(w) || QuoteLexicon.ClauseBreakers.Contains(w) || Cues.IsCue(w))
        {
            return null;
        }

        // "the 34-year-old mother of three replied": a number after "of" is not the head.
        if (QuoteLexicon.Determiners.Contains(w) && last - 2 >= floor && tokens[last - 1].Word == "of")
        {
            var owner = Phrase(tokens, last - 2, floor, allowBare);
            if (owner is not null && !QuoteLexicon.Pronouns.Contains(owner))
            {
                return owner + " of " + w;
            }
        }

        // A description: back to its determiner or possessive ("the Indiana governor", "Gary Johnson's doctor").
        for (var k = last - 1; k >= floor && last - k <= 7; k--)
        {
            var t = tokens[k].Word;
            if (QuoteLexicon.Determiners.Contains(t))
            {
                return OwnerOfPostModifier(tokens, k, floor, allowBare) ?? Join(tokens, k, last);
            }

            if (IsPossessiveName(t))
            {
                var m = k;
                while (m - 1 >= floor && IsCapitalized(tokens[m - 1].Word))
                {
                    m--;
                }

                return Join(tokens, m, last);
            }

            if (!IsWord(t) || QuoteLexicon.ClauseBreakers.Contains(t) || Cues.IsCue(t))
            {
                // "Democratic officials said", "critics said": a bare plural or modified noun.
                return allowBare && k + 1 <= last && (last - k) <= 3 ? Join(tokens, k + 1, last) : null;
            }
        }

        return allowBare && last - floor < 3 ? Join(tokens, floor, last) : null;
    }

    /// <summary>
    /// A description found before a verb may be the object of a post-modifier: "a narrator in the
    /// Clinton ad asks" (the narrator), "Protesters marching through the streets chanted" (the
    /// protesters). <paramref name="det"/> is the object's determiner; returns the owner's phrase.
    /// </summary>
    private static string? OwnerOfPostModifier(List<(string Word, int Start)> tokens, int det, int floor, bool allowBare)
    {
        var p = det - 1;
        if (p - 1 < floor || !QuoteLexicon.PostModifierPrepositions.Contains(tokens[p].Word))
        {
            return null;
        }

        var before = tokens[p - 1].Word;
        if (before.Length > 4 && before.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(before[0]) && !Cues.IsCue(before))
        {
            // A participle phrase: its subject is the noun phrase before the participle.
            var owner = Phrase(tokens, p - 2, floor, allowBare);
            return owner is not null && !QuoteLexicon.Pronouns.Contains(owner) ? owner : null;
        }

        // "a narrator in the Clinton ad": a determiner-led noun phrase right before the preposition.
        for (var d = p - 1; d >= floor && p - d <= 5; d--)
        {
            var t = tokens[d].Word;
            if (!IsWord(t) || QuoteLexicon.ClauseBreakers.Contains(t) || Cues.IsCue(t) || QuoteLexicon.Auxiliaries.Contains(t) || IsCapitalized(t))
            {
                return null;
            }

            if (QuoteLexicon.Determiners.Contains(t) && d < p - 1)
            {
                return Join(tokens, d, p - 1);
            }
        }

        return null;
    }
}
