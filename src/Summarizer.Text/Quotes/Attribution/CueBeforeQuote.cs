using System.Text.RegularExpressions;
using Summarizer.Text.Lexicon;
using static Summarizer.Text.PhraseTokens;

namespace Summarizer.Text;

/// <summary>
/// The last reporting verb before the quote in its sentence, and its subject: <c>Clinton called them
/// “deplorables.”</c>, <c>X, a spokesperson for Y, said: “…”</c>, inverted <c>said Rep. Smith: “…”</c>.
/// </summary>
internal static class CueBeforeQuote
{
    /// <summary>An attribution sentence: "…,” Schiff said." / "Peabody said in a statement:".</summary>
    private static readonly Regex AttributionSentenceEnd = new(
        $@"\b(?:{QuoteLexicon.Alternation("invertible-cues")})(?:\s+[\w’'-]+){{0,4}}\s*[.:]$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static Attribution? Find(QuoteSite site) => Last(site.Prefix);

    public static bool EndsWithCue(string sentence) => AttributionSentenceEnd.IsMatch(sentence);

    /// <summary>The last reporting verb in the text before a quote whose subject can be found.</summary>
    public static Attribution? Last(string prefix)
    {
        var tokens = Tokenize(prefix, 0, prefix.Length);
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            var w = tokens[k].Word;
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && k + 1 < tokens.Count && tokens[k + 1].Word == "to")
            {
                var who = SpeakerPhrase.After(prefix, tokens[k + 1].Start + 2);
                if (who is not null)
                {
                    return new Attribution(who, "according to", "");
                }

                continue;
            }

            if (!Cues.IsCue(w) || (k > 0 && (tokens[k - 1].Word == "to" || QuoteLexicon.CueNounDeterminers.Contains(tokens[k - 1].Word))))
            {
                continue;
            }

            if (w.EndsWith("ing", StringComparison.Ordinal) && k > 0 && tokens[k - 1].Word == ",")
            {
                // "Trump attacked Clinton over Libya, saying, “…”": the participle's subject is the clause's.
                var clauseSubject = SpeakerPhrase.Subject(prefix);
                if (clauseSubject is not null)
                {
                    return new Attribution(clauseSubject, w, "");
                }
            }

            var nounLike = Cues.IsAlsoNoun(w);
            var subject = SpeakerPhrase.Before(prefix, tokens[k].Start, allowBare: !nounLike);
            if (subject is not null && nounLike && FollowsModifier(tokens, k, subject))
            {
                continue; // "32% of Republican claims": a noun, not "Republicans claim"
            }

            if (subject is not null && IsPronoun(subject))
            {
                // "Mayor Jennifer Roberts said Friday that she thinks …": the pronoun is the earlier subject.
                var earlier = Last(prefix[..tokens[k].Start]);
                if (earlier is { } e && IsName(e.Speaker))
                {
                    return earlier;
                }
            }

            if (subject is not null)
            {
                return new Attribution(subject, w, "");
            }

            // "said Rep. Smith: “…”" or ", said Smith, “…”".
            if (Cues.IsInvertible(w))
            {
                var afterCue = SpeakerPhrase.After(prefix, tokens[k].Start + w.Length);
                if (afterCue is not null && IsName(afterCue))
                {
                    return new Attribution(afterCue, w, "");
                }
            }
        }

        return null;
    }

    /// <summary>The word before the found subject is a preposition, determiner or number: the "subject" is a modifier.</summary>
    private static bool FollowsModifier(List<(string Word, int Start)> tokens, int cue, string subject)
    {
        var first = subject.Split(' ')[0];
        for (var j = cue - 1; j > 0 && cue - j <= 8; j--)
        {
            if (tokens[j].Word == first)
            {
                var before = tokens[j - 1].Word;
                return QuoteLexicon.ModifierOpeners.Contains(before) || char.IsDigit(before[0]);
            }
        }

        return false;
    }
}
