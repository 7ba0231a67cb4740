using Summarizer.Text.Lexicon;
using static Summarizer.Text.PhraseTokens;

namespace Summarizer.Text;

/// <summary>
/// A cue right after the quote, in the same sentence or a short attribution sentence of its own:
/// <c>“…,” she said</c>, <c>“…,” said Rep. Smith</c>, <c>“…” according to X</c>, <c>“…” ― Pamela Padilla</c>,
/// <c>“Does anybody know?” Graham asked.</c>
/// </summary>
internal static class CueAfterQuote
{
    private const int MaxTokensToCue = 24;

    public static Attribution? Find(QuoteSite site)
    {
        var (text, p) = (site.Text, site.Paragraph);
        var afterStart = Math.Min(site.End + 1, p.End);
        var afterEnd = site.SentenceEnd;
        if (afterEnd <= afterStart + 1)
        {
            // The sentence ended with the quote: “Why?” she asked.  /  “…” ― Pamela Padilla
            var next = afterStart;
            while (next < p.End && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < p.End && (char.IsLower(text[next]) || text[next] is '―' or '—' or '–'))
            {
                afterEnd = site.NextSentenceEnd(site.SentenceEnd, p.End);
            }
            else if (next < p.End)
            {
                // “Does anybody know?” Graham asked.  — a short attribution sentence of its own, not
                // the next statement ("Russia insisted that Pyongyang “stop …”").
                var candidateEnd = site.NextSentenceEnd(site.SentenceEnd, p.End);
                if (candidateEnd > next && candidateEnd - next < 90 && text.AsSpan(next, candidateEnd - next).IndexOfAny('“', '"') < 0)
                {
                    afterEnd = candidateEnd;
                }
            }
        }

        return afterEnd > afterStart ? After(site.Masked, afterStart, Math.Min(afterEnd, afterStart + 200)) : null;
    }

    /// <summary>Speaker and cue right after a quote: the cue must come within the first words.</summary>
    private static Attribution? After(string masked, int from, int to)
    {
        var tokens = Tokenize(masked, from, to);
        var depth = 0;
        for (var k = 0; k < tokens.Count && k < MaxTokensToCue; k++)
        {
            var w = tokens[k].Word;
            depth += w == "(" ? 1 : w == ")" ? -1 : 0;
            if (w is "“" or "”" or "\"" || (w is "." && k > 0 && depth == 0 && !(k + 1 < tokens.Count && tokens[k + 1].Word is ",")))
            {
                break; // a full stop ends the attribution; "R-Ky.," does not
            }

            if (k == 0 && w is "―" or "—" or "–" && tokens.Count > 1 && char.IsUpper(tokens[1].Word[0]))
            {
                // A signed quote: “…” ― Pamela Padilla
                var signer = SpeakerPhrase.After(masked, tokens[1].Start);
                if (signer is not null && IsName(signer))
                {
                    return new Attribution(signer, null, "");
                }
            }

            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && k + 1 < tokens.Count && tokens[k + 1].Word == "to")
            {
                var who = SpeakerPhrase.After(masked, tokens[k + 1].Start + 2);
                return who is null ? null : new Attribution(who, "according to", "");
            }

            if (!Cues.IsCue(w) || (k > 0 && QuoteLexicon.CueNounDeterminers.Contains(tokens[k - 1].Word)))
            {
                continue; // "… " - a charge that …": after a determiner the cue word is a noun
            }

            var cueEnd = tokens[k].Start + w.Length;
            if (k == 0 || (k == 1 && tokens[0].Word is "," or "—" or "–"))
            {
                // "…,” said Rep. G.K. Butterfield" — the speaker follows the cue.
                var afterCue = SpeakerPhrase.After(masked, cueEnd);
                return afterCue is null ? null : new Attribution(afterCue, w, "");
            }

            // The subject must follow the quote directly ("…,” the mayor said), not belong to a
            // later clause ("…” when he said …).
            var subject = SpeakerPhrase.Before(masked, tokens[k].Start, allowBare: !Cues.IsAlsoNoun(w));
            if (subject is not null && AdjacentSubject(tokens, k))
            {
                return new Attribution(subject, w, "");
            }

            if (Cues.IsAlsoNoun(w))
            {
                continue; // "one of the states suing, said": "states" was a noun
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// The words between a quote and its cue are one subject ("…,” Tulsa police Chief Chuck Jordan
    /// said), not a new clause ("…” when he said): no connective, pronoun or second verb before it,
    /// unless the pronoun is the whole subject ("…,” she said).
    /// </summary>
    private static bool AdjacentSubject(List<(string Word, int Start)> tokens, int cue)
    {
        var words = 0;
        var depth = 0;
        // "…,” as a Homeland Security memo put it: a leading "as" opens the attribution itself.
        var lead = cue > 1 && tokens[0].Word == "as" ? 1 : 0;
        for (var i = lead; i < cue; i++)
        {
            var w = tokens[i].Word;
            depth += w == "(" ? 1 : w == ")" ? -1 : 0;
            if (depth > 0 || w is "(" or ")" or "," or "—" or "–")
            {
                continue; // parentheses ("(D-N.C.)") and appositive commas
            }

            if (QuoteLexicon.ClauseConnectives.Contains(w))
            {
                return false;
            }

            if (IsPronoun(w) && i > lead)
            {
                return false;
            }

            words++;
        }

        return words <= 16;
    }
}
