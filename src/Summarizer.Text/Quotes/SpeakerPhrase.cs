using System.Text.RegularExpressions;
using Summarizer.Text.Lexicon;
using static Summarizer.Text.PhraseTokens;

namespace Summarizer.Text;

/// <summary>
/// Finds the noun phrase that names a speaker next to a reporting verb, without a parser:
/// a run of capitalised words (a name, with titles and initials), a determiner-led description
/// ("a senior diplomat based in the Middle East", "the Indiana governor"), or a pronoun.
/// </summary>
internal static partial class SpeakerPhrase
{
    /// <summary>
    /// The speaker phrase that ends right before <paramref name="end"/> in <paramref name="s"/>
    /// (the text before a cue verb). Null when the words there cannot be a subject.
    /// </summary>
    public static string? Before(string s, int end, bool allowBare = true) => Checked(BeforeUnchecked(s, end, allowBare), cutAtVerb: false);

    private static string? BeforeUnchecked(string s, int end, bool allowBare)
    {
        // A subject sits within a few dozen words of its verb, on the same line: tokenize only that window.
        var from = Math.Max(0, end - 300);
        while (from > 0 && from < end && !char.IsWhiteSpace(s[from - 1]))
        {
            from++;
        }

        var lineBreak = end > from ? s.LastIndexOf('\n', end - 1, end - from) : -1;
        from = lineBreak < 0 ? from : lineBreak + 1;
        var tokens = Tokenize(s, from, end);
        var i = tokens.Count - 1;
        // Auxiliaries and -ly adverbs between subject and verb are skipped, but "family" and "ally" are nouns.
        while (i >= 0 && (QuoteLexicon.Auxiliaries.Contains(tokens[i].Word)
                          || (tokens[i].Word.EndsWith("ly", StringComparison.Ordinal) && tokens[i].Word.Length > 4 && char.IsLower(tokens[i].Word[0]) && !IsSpeakerNoun(tokens[i].Word))))
        {
            i--;
        }

        if (i < 0)
        {
            return null;
        }

        // "Flynn, a top Trump surrogate, said": prefer the name before one or more appositives
        // ("Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said").
        if (tokens[i].Word == ",")
        {
            string? nearest = null;
            var segmentEnd = i;
            for (var depth = 0; depth < 3; depth++)
            {
                var k = segmentEnd - 1;
                while (k >= 0 && tokens[k].Word != "," && segmentEnd - k < 16)
                {
                    k--;
                }

                if (k <= 0 || tokens[k].Word != ",")
                {
                    break;
                }

                nearest ??= Phrase(tokens, segmentEnd - 1, k + 1, allowBare);
                var outer = Phrase(tokens, k - 1, 0, allowBare);
                if (outer is not null && IsName(outer))
                {
                    return outer;
                }

                segmentEnd = k;
            }

            return nearest;
        }

        if (!allowBare && i > 0 && QuoteLexicon.Determiners.Contains(tokens[i].Word))
        {
            return null;
        }

        return Phrase(tokens, i, 0, allowBare);
    }

    /// <summary>The speaker phrase that starts at <paramref name="start"/> ("said Rep. G.K. Butterfield (D-N.C.), head of ...").</summary>
    public static string? After(string s, int start, int limit = 160)
    {
        var phrase = AfterUnchecked(s, start, limit, out var endsAtCue);
        return Checked(phrase, cutAtVerb: !endsAtCue);
    }

    private static string? AfterUnchecked(string s, int start, int limit, out bool endsAtCue)
    {
        endsAtCue = false;
        // The phrase ends with its line: "said\n\nJane Doe" names nobody.
        var end = Math.Min(s.Length, start + limit);
        var lineEnd = start < end ? s.IndexOf('\n', start, end - start) : -1;
        var tokens = Tokenize(s, start, lineEnd < 0 ? end : lineEnd);
        if (tokens.Count == 0)
        {
            return null;
        }

        var first = StripContraction(tokens[0].Word);
        if (QuoteLexicon.Pronouns.Contains(first))
        {
            return first;
        }

        if (QuoteLexicon.Determiners.Contains(first))
        {
            // "the Indiana governor", "The New York Post", "a senior diplomat based in the Middle East"
            var j = 0;
            while (j + 1 < tokens.Count && j < 8 && tokens[j + 1].Word is not ("," or "." or ";" or ":" or "(" or "“" or "”" or "\"") && !QuoteLexicon.ClauseBreakers.Contains(tokens[j + 1].Word) && !Cues.IsCue(tokens[j + 1].Word) && !QuoteLexicon.Auxiliaries.Contains(tokens[j + 1].Word))
            {
                j++;
            }

            if (j == 0)
            {
                return null;
            }

            endsAtCue = j + 1 < tokens.Count && (Cues.IsCue(tokens[j + 1].Word) || QuoteLexicon.Auxiliaries.Contains(tokens[j + 1].Word));

            // "Another critic, Laurence H. Tribe, likened …", "a spokeswoman for the company, Jane
            // Doe": a name in apposition to the description is the speaker.
            var c = j + 1;
            while (c < tokens.Count && c - j <= 8 && tokens[c].Word is not ("," or "." or ";" or ":" or "“" or "”" or "\"") && !Cues.IsCue(tokens[c].Word))
            {
                c++;
            }

            if (c + 1 < tokens.Count && tokens[c].Word == "," && IsCapitalized(tokens[c + 1].Word) && !QuoteLexicon.FunctionWords.Contains(tokens[c + 1].Word))
            {
                var e = c + 1;
                while (e + 1 < tokens.Count && (IsCapitalized(tokens[e + 1].Word) || QuoteLexicon.NameParticles.Contains(tokens[e + 1].Word)))
                {
                    e++;
                }

                if (e > c + 1 && (e + 1 == tokens.Count || tokens[e + 1].Word is "," or "(" or "." || Cues.IsCue(tokens[e + 1].Word)))
                {
                    return Join(tokens, c + 1, e);
                }
            }

            return Join(tokens, 0, j);
        }

        // "said 9/11 widow Terry Strada", "said former Gov. Jeb Bush": a short lower-case role (or a
        // number) before the name; the name is the speaker.
        if (char.IsLower(first[0]) || char.IsDigit(first[0]))
        {
            var r = 0;
            while (r < tokens.Count && r < 5 && (IsWord(tokens[r].Word) || char.IsDigit(tokens[r].Word[0]) || (tokens[r].Word == "/" && r > 0))
                   && !IsCapitalized(tokens[r].Word) && !QuoteLexicon.ClauseBreakers.Contains(tokens[r].Word) && !Cues.IsCue(tokens[r].Word)
                   && !QuoteLexicon.Auxiliaries.Contains(tokens[r].Word) && !QuoteLexicon.Determiners.Contains(tokens[r].Word) && !QuoteLexicon.Pronouns.Contains(tokens[r].Word))
            {
                r++;
            }

            if (r > 0 && r < tokens.Count && IsCapitalized(tokens[r].Word) && !QuoteLexicon.FunctionWords.Contains(tokens[r].Word) && !IsShouted(tokens[r].Word))
            {
                var e = r;
                while (e + 1 < tokens.Count && (IsCapitalized(tokens[e + 1].Word) || QuoteLexicon.NameParticles.Contains(tokens[e + 1].Word)))
                {
                    e++;
                }

                var name = Join(tokens, r, e);
                if (name.Contains(' ', StringComparison.Ordinal))
                {
                    return name;
                }
            }

            return null;
        }

        if (IsCapitalized(first) && !QuoteLexicon.FunctionWords.Contains(first) && !IsShouted(first))
        {
            var j = 0;
            while (j + 1 < tokens.Count && ((IsCapitalized(tokens[j + 1].Word) && !IsShouted(tokens[j + 1].Word)) || QuoteLexicon.NameParticles.Contains(tokens[j + 1].Word)))
            {
                j++;
            }

            // "MSNBC host Chris Matthews", "IMF chief economist Maury Obstfeld": a role between an
            // organisation and the person's name.
            var r = j + 1;
            while (r < tokens.Count && r - j <= 3 && IsWord(tokens[r].Word) && char.IsLower(tokens[r].Word[0])
                   && !QuoteLexicon.ClauseBreakers.Contains(tokens[r].Word) && !Cues.IsCue(tokens[r].Word) && !QuoteLexicon.Auxiliaries.Contains(tokens[r].Word))
            {
                r++;
            }

            if (r > j + 1 && r < tokens.Count && IsCapitalized(tokens[r].Word) && !QuoteLexicon.FunctionWords.Contains(tokens[r].Word))
            {
                var e = r;
                while (e + 1 < tokens.Count && IsCapitalized(tokens[e + 1].Word))
                {
                    e++;
                }

                return Join(tokens, r, e);
            }

            return Join(tokens, 0, j);
        }

        return null;
    }

    /// <summary>The subject at the start of a clause: "At Monday's debate, Clinton cited ..." → "Clinton".</summary>
    public static string? Subject(string s)
    {
        var text = LeadingAdverbial.Replace(s, string.Empty);
        return After(text, 0, 120);
    }

    /// <summary>"But at Monday’s debate, " — an opening connective and adverbial clause before a subject.</summary>
    private static readonly Regex LeadingAdverbial = new(
        $@"^\s*(?:(?:{QuoteLexicon.Alternation("leading-connectives")})\b,?\s*)?(?:(?:{QuoteLexicon.Alternation("adverbial-openers")})\b[^,]{{0,150}},\s*)?",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
