using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Finds direct quotations (curly or straight double quotes, including quotes continued over
/// paragraphs) and attributes each to a speaker. Attribution, strongest first:
/// <list type="number">
/// <item>a cue right after the quote: <c>“A,” she said</c>, <c>“A,” said Rep. Smith</c>, <c>“A” according to X</c>;</item>
/// <item>a reporting verb earlier in the sentence and its subject: <c>Clinton called them “deplorables.”</c>,
/// with appositives (<c>X, a spokesperson for Y, said</c>) and inverted cues (<c>said X: “…”</c>);</item>
/// <item>the subject of the sentence that holds the quote (<c>At the debate, Trump promised “jobs”</c>);</item>
/// <item>inside an interview transcript paragraph (<c>"PENCE: …</c>), the label;</item>
/// <item>a quote opening its sentence right after an attribution sentence ("…, Schiff said. “…”");</item>
/// <item>a block after a paragraph ending in a colon takes that paragraph's speaker;</item>
/// <item>an unattributed quote takes the previous speaker only when the paragraph continues that
/// speaker (same paragraph, or a paragraph opening with a quote right after that speaker's quote).</item>
/// </list>
/// Surnames resolve to the full name introduced in the article; he/she to the nearest named speaker.
/// Titles of shows and works (<c>MSNBC’s “Morning Joe”</c>), HTML attribute values, inch marks and
/// interview-transcript blocks (<c>"PENCE: …</c>) are not quotations.
/// </summary>
public static partial class QuoteExtractor
{
    public static IReadOnlyList<Quote> Extract(ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var spans = FindQuoteSpans(text, document.Paragraphs);
        var masked = Mask(text, spans);
        var names = new NameIndex(text);
        var result = new List<Quote>();
        var continued = new List<bool>();
        string? previousSpeaker = null;
        var previousParagraph = -2;
        string? lastNamed = null;
        var lastNamedParagraph = -10;

        foreach (var span in spans)
        {
            var (start, end) = (span.Start, span.End);
            var paragraph = ParagraphOf(document.Paragraphs, start);
            var p = document.Paragraphs[paragraph];
            var content = text[start..end];
            if (!content.Any(char.IsLetter) || span.Transcript || IsTitleOfWork(text, masked, start, end) || IsNickname(text, start, end)
                || IsStageDirection(content))
            {
                continue;
            }

            var (sentenceStart, sentenceEnd) = SentenceAround(document, p, start, end);
            var (speaker, cue) = Attribute(document, masked, p, paragraph, start, end, sentenceStart, sentenceEnd, span.Label);
            if (speaker is not null && SpeakerPhrase.Pronouns.Contains(speaker))
            {
                // he/she: the nearest person before the attribution's sentence whose gender fits.
                speaker = speaker is "he" or "He" or "she" or "She"
                    ? (previousSpeaker is not null && paragraph - previousParagraph <= 1 && names.GenderShownFits(previousSpeaker, speaker) ? previousSpeaker : null)
                      ?? names.PersonForPronoun(speaker, sentenceStart) ?? (paragraph - lastNamedParagraph <= 4 ? lastNamed : null) ?? speaker
                    : previousSpeaker ?? speaker;
            }
            else if (speaker is not null)
            {
                speaker = names.Resolve(speaker, start, previousSpeaker);
            }
            else if (paragraph == previousParagraph || (paragraph == previousParagraph + 1 && start - 1 == p.Start))
            {
                speaker = previousSpeaker;
                cue = null;
            }

            var full = IsFull(masked, sentenceStart, start, end, sentenceEnd);
            if (speaker is null && IsScareQuote(content) && !full)
            {
                continue;
            }

            result.Add(new Quote(content, speaker, start, end, cue, full) { Paragraph = paragraph });
            continued.Add(span.Continued);
            if (speaker is not null)
            {
                previousSpeaker = speaker;
                previousParagraph = paragraph;
                if (SpeakerPhrase.IsName(speaker) && speaker.Contains(' ', StringComparison.Ordinal))
                {
                    lastNamed = speaker;
                    lastNamedParagraph = paragraph;
                }
            }
        }

        // A quote left open at a paragraph end is attributed where it finally closes: “A … ¶ “B,” she said.
        for (var i = result.Count - 2; i >= 0; i--)
        {
            var next = result[i + 1];
            if (continued[i] && result[i].Speaker is null && next.Speaker is not null
                && next.Paragraph == result[i].Paragraph + 1 && next.Start - 1 == document.Paragraphs[next.Paragraph].Start)
            {
                result[i] = result[i] with { Speaker = next.Speaker, Cue = next.Cue };
            }
        }

        return result;
    }

    internal readonly record struct QuoteSpan(int Start, int End, bool Continued, bool Transcript, string? Label);

    /// <summary>
    /// Spans of the quoted words, between an opening and a closing mark in one paragraph. A quote
    /// left open at the end of its paragraph (the next paragraph re-opens it) ends there.
    /// </summary>
    internal static List<QuoteSpan> FindQuoteSpans(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        var result = new List<QuoteSpan>();
        string? previousLabel = null;
        foreach (var p in paragraphs)
        {
            var match = TranscriptLabel().Match(text, p.Start, Math.Min(40, p.Length));
            // A transcript speaker's turn may run over several paragraphs, each opened with a mark.
            var labelValue = match.Success ? match.Groups["label"].Value
                : previousLabel is not null && text[p.Start] is '"' or '“' && text.IndexOf('\n', p.Start, p.Length) < 0 && !HasClosingMark(text, p) ? previousLabel
                : null;
            previousLabel = labelValue;
            var label = (Success: labelValue is not null, Value: labelValue);
            var open = -1;
            for (var i = p.Start; i < p.End; i++)
            {
                var kind = MarkKind(text, p, i);
                if (kind == 0)
                {
                    continue;
                }

                if (kind > 0)
                {
                    open = i;
                }
                else if (open >= 0)
                {
                    if (i > open + 1)
                    {
                        result.Add(new QuoteSpan(open + 1, i, false, false, label.Value));
                    }

                    open = -1;
                }
            }

            if (open >= 0 && p.End > open + 1)
            {
                var transcript = label.Success && open == p.Start;
                result.Add(new QuoteSpan(open + 1, p.End, true, transcript, label.Value));
            }
        }

        return result;
    }

    private static bool HasClosingMark(string text, TextSpan p)
    {
        for (var i = p.Start; i < p.End; i++)
        {
            if (MarkKind(text, p, i) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>+1 an opening mark, -1 a closing mark, 0 not a quotation mark here.</summary>
    private static int MarkKind(string text, TextSpan p, int i)
    {
        var c = text[i];
        if (c == '“')
        {
            return 1;
        }

        if (c == '”')
        {
            return -1;
        }

        if (c != '"')
        {
            return 0;
        }

        var prev = i > p.Start ? text[i - 1] : ' ';
        var next = i + 1 < p.End ? text[i + 1] : ' ';
        if (prev == '=' || InsideTag(text, p.Start, i))
        {
            return 0; // an HTML attribute value
        }

        if (char.IsDigit(prev) && i >= 2 && (text[i - 2] is '\'' or '’' || (char.IsDigit(text[i - 2]) && i >= 3 && text[i - 3] is '\'' or '’')))
        {
            return 0; // 6'3" — an inch mark
        }

        if (char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or '/' || i == p.Start)
        {
            return char.IsWhiteSpace(next) && i != p.Start ? -1 : 1;
        }

        return -1;
    }

    private static bool InsideTag(string text, int from, int i)
    {
        var lt = text.LastIndexOf('<', i, i - from + 1);
        return lt >= 0 && text.IndexOf('>', lt, i - lt) < 0;
    }

    /// <summary>The text with every quote's words blanked out, so cue search never reads inside a quote.</summary>
    private static string Mask(string text, List<QuoteSpan> spans)
    {
        var chars = text.ToCharArray();
        foreach (var s in spans)
        {
            for (var i = s.Start; i < s.End; i++)
            {
                if (chars[i] != '\n')
                {
                    chars[i] = ' ';
                }
            }
        }

        return new string(chars);
    }

    private static int ParagraphOf(IReadOnlyList<TextSpan> paragraphs, int offset)
    {
        var lo = 0;
        var hi = paragraphs.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (paragraphs[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The sentence(s) holding the quote: from the start of the sentence the quote opens in to the end of the one it closes in.</summary>
    private static (int Start, int End) SentenceAround(ArticleDocument document, TextSpan paragraph, int start, int end)
    {
        int s = paragraph.Start, e = paragraph.End;
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].End <= paragraph.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            if (sentence.Start >= paragraph.End)
            {
                break;
            }

            if (sentence.Start <= start - 1)
            {
                s = sentence.Start;
            }

            if (sentence.End >= end)
            {
                e = sentence.End;
                break;
            }
        }

        return (s, e);
    }

    private static (string? Speaker, string? Cue) Attribute(ArticleDocument document, string masked, TextSpan p, int paragraph, int start, int end, int sentenceStart, int sentenceEnd, string? label)
    {
        var text = document.Text;

        // An interview transcript: everything quoted in "PENCE: …" is the labelled speaker's.
        if (label is not null)
        {
            return (label, null);
        }

        // 1. A cue right after the quote, in the same sentence: ”, she said  /  ,” said Rep. Smith  /  ” according to X.
        var afterStart = Math.Min(end + 1, p.End);
        var afterEnd = sentenceEnd;
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
                afterEnd = NextSentenceEnd(document, sentenceEnd, p.End);
            }
            else if (next < p.End)
            {
                // “Does anybody know?” Graham asked.  — a short attribution sentence of its own, not
                // the next statement ("Russia insisted that Pyongyang “stop …”").
                var candidateEnd = NextSentenceEnd(document, sentenceEnd, p.End);
                if (candidateEnd - next < 90 && text.AsSpan(next, candidateEnd - next).IndexOfAny('“', '"') < 0)
                {
                    afterEnd = candidateEnd;
                }
            }
        }

        if (afterEnd > afterStart)
        {
            var found = CueAfter(masked, afterStart, Math.Min(afterEnd, afterStart + 200));
            if (found.Speaker is not null)
            {
                return found;
            }
        }

        // 2. A reporting verb earlier in the sentence, and its subject.
        var prefixEnd = Math.Max(sentenceStart, start - 1);
        var prefix = masked[sentenceStart..prefixEnd];
        var before = CueBefore(prefix);
        if (before.Speaker is not null)
        {
            return before;
        }

        // 3. The subject of the sentence.
        if (prefix.Trim().Length > 0)
        {
            var subject = SpeakerPhrase.Subject(prefix);
            if (subject is not null)
            {
                return (subject, null);
            }
        }

        // 5. A quote that opens its sentence right after "…, Schiff said." in the same paragraph.
        if (prefix.Trim().Length == 0 && sentenceStart > p.Start)
        {
            var previousStart = PreviousSentenceStart(document, sentenceStart, p.Start);
            var previousSentence = masked[previousStart..sentenceStart].TrimEnd();
            if (EndsWithCue().IsMatch(previousSentence))
            {
                var attribution = CueBefore(previousSentence.TrimEnd('.', ':') + " ");
                if (attribution.Speaker is not null)
                {
                    return attribution;
                }
            }
        }

        // 6. A block quote after "The New York Times reports:".
        if (start - 1 == p.Start && paragraph > 0)
        {
            var previous = document.Paragraphs[paragraph - 1];
            var prevText = masked[previous.Start..previous.End].TrimEnd();
            if (prevText.EndsWith(':'))
            {
                var lastSentence = prevText[(LastSentenceStart(prevText) is var ls && ls >= 0 ? ls : 0)..^1];
                var colon = CueBefore(lastSentence + " ");
                if (colon.Speaker is not null)
                {
                    return colon;
                }

                var subject = SpeakerPhrase.Subject(lastSentence);
                if (subject is not null)
                {
                    return (subject, null);
                }
            }
        }

        return (null, null);
    }

    private static int PreviousSentenceStart(ArticleDocument document, int before, int paragraphStart)
    {
        var result = paragraphStart;
        foreach (var s in document.Sentences)
        {
            if (s.End > before)
            {
                break;
            }

            if (s.Start >= paragraphStart)
            {
                result = s.Start;
            }
        }

        return result;
    }

    private static int NextSentenceEnd(ArticleDocument document, int after, int paragraphEnd)
    {
        foreach (var s in document.Sentences)
        {
            if (s.Start >= after)
            {
                return Math.Min(s.End, paragraphEnd);
            }
        }

        return after;
    }

    private static int LastSentenceStart(string s)
    {
        for (var i = s.Length - 2; i > 0; i--)
        {
            if (s[i] is '.' or '?' or '!' && char.IsWhiteSpace(s[i + 1]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Speaker and cue right after a quote: the cue must come within the first words.</summary>
    private static (string? Speaker, string? Cue) CueAfter(string masked, int from, int to)
    {
        var tokens = SpeakerPhrase.Tokenize(masked, from, to);
        var depth = 0;
        for (var k = 0; k < tokens.Count && k < 24; k++)
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
                if (signer is not null && SpeakerPhrase.IsName(signer))
                {
                    return (signer, null);
                }
            }

            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && k + 1 < tokens.Count && tokens[k + 1].Word == "to")
            {
                var who = SpeakerPhrase.After(masked, tokens[k + 1].Start + 2);
                return who is null ? (null, null) : (who, "according to");
            }

            if (!Cues.IsCue(w) || (k > 0 && tokens[k - 1].Word is "the" or "a" or "an" or "his" or "her" or "their" or "its"))
            {
                continue; // "… " - a charge that …": after a determiner the cue word is a noun
            }

            var cueEnd = tokens[k].Start + w.Length;
            if (k == 0 || (k == 1 && tokens[0].Word is "," or "—" or "–"))
            {
                // "…,” said Rep. G.K. Butterfield" — the speaker follows the cue.
                var afterCue = SpeakerPhrase.After(masked, cueEnd);
                return afterCue is null ? (null, null) : (afterCue, w);
            }

            // The subject must follow the quote directly ("…,” the mayor said), not belong to a
            // later clause ("…” when he said …).
            var subject = SpeakerPhrase.Before(masked, tokens[k].Start, allowBare: !Cues.IsAlsoNoun(w));
            if (subject is not null && AdjacentSubject(tokens, k))
            {
                return (subject, w);
            }

            if (Cues.IsAlsoNoun(w))
            {
                continue; // "one of the states suing, said": "states" was a noun
            }

            return (null, null);
        }

        return (null, null);
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
        for (var i = 0; i < cue; i++)
        {
            var w = tokens[i].Word;
            depth += w == "(" ? 1 : w == ")" ? -1 : 0;
            if (depth > 0 || w is "(" or ")" or "," or "—" or "–")
            {
                continue; // parentheses ("(D-N.C.)") and appositive commas
            }

            if (w is "when" or "as" or "while" or "because" or "if" or "after" or "before" or "that" or "and" or "but" or "which" or "where" or "so")
            {
                return false;
            }

            if (SpeakerPhrase.Pronouns.Contains(w) && i > 0)
            {
                return false;
            }

            words++;
        }

        return words <= 16;
    }

    /// <summary>The last reporting verb in the text before a quote whose subject can be found.</summary>
    private static (string? Speaker, string? Cue) CueBefore(string prefix)
    {
        var tokens = SpeakerPhrase.Tokenize(prefix, 0, prefix.Length);
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            var w = tokens[k].Word;
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && k + 1 < tokens.Count && tokens[k + 1].Word == "to")
            {
                var who = SpeakerPhrase.After(prefix, tokens[k + 1].Start + 2);
                if (who is not null)
                {
                    return (who, "according to");
                }

                continue;
            }

            if (!Cues.IsCue(w) || (k > 0 && tokens[k - 1].Word is "to" or "the" or "a" or "his" or "her" or "their"))
            {
                continue;
            }

            if (w.EndsWith("ing", StringComparison.Ordinal) && k > 0 && tokens[k - 1].Word == ",")
            {
                // "Trump attacked Clinton over Libya, saying, “…”": the participle's subject is the clause's.
                var clauseSubject = SpeakerPhrase.Subject(prefix);
                if (clauseSubject is not null)
                {
                    return (clauseSubject, w);
                }
            }

            var nounLike = Cues.IsAlsoNoun(w);
            var subject = SpeakerPhrase.Before(prefix, tokens[k].Start, allowBare: !nounLike);
            if (subject is not null && nounLike && FollowsModifier(tokens, k, subject))
            {
                continue; // "32% of Republican claims": a noun, not "Republicans claim"
            }

            if (subject is not null && SpeakerPhrase.Pronouns.Contains(subject))
            {
                // "Mayor Jennifer Roberts said Friday that she thinks …": the pronoun is the earlier subject.
                var earlier = CueBefore(prefix[..tokens[k].Start]);
                if (earlier.Speaker is not null && SpeakerPhrase.IsName(earlier.Speaker))
                {
                    return earlier;
                }
            }

            if (subject is not null)
            {
                return (subject, w);
            }

            // "said Rep. Smith: “…”" or ", said Smith, “…”".
            if (Cues.IsInvertible(w))
            {
                var afterCue = SpeakerPhrase.After(prefix, tokens[k].Start + w.Length);
                if (afterCue is not null && SpeakerPhrase.IsName(afterCue))
                {
                    return (afterCue, w);
                }
            }
        }

        return (null, null);
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
                return before is "of" or "the" or "a" or "an" or "his" or "her" or "their" or "its" or "%" or "in" or "on" or "for" or "with" or "by"
                       || char.IsDigit(before[0]);
            }
        }

        return false;
    }

    /// <summary>A whole statement: the quote opens its sentence, or follows a cue, a colon or a comma, and ends it.</summary>
    private static bool IsFull(string masked, int sentenceStart, int start, int end, int sentenceEnd)
    {
        var before = masked[sentenceStart..Math.Max(sentenceStart, start - 1)].TrimEnd();
        return before.Length == 0 || before.EndsWith(':') || before.EndsWith(',') || CueBeforeColon().IsMatch(before);
    }

    /// <summary>
    /// "MSNBC’s “Morning Joe”", "on “Fox News Sunday,”", "documentary “13th.”": a short title-case
    /// name right after a possessive or a word that introduces a title.
    /// </summary>
    private static bool IsTitleOfWork(string text, string masked, int start, int end)
    {
        var words = text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || !words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || char.IsDigit(w[0]) || MinorWords.Contains(w)))
        {
            return false;
        }

        if (words.Length == 1 && !char.IsDigit(words[0][0]))
        {
            // A single capitalised word is more often a nickname or a term than a title; only a clear introducer makes it one.
            return TitleIntroducer().IsMatch(masked.AsSpan(Math.Max(0, start - 40), Math.Max(0, start - 1 - Math.Max(0, start - 40))).ToString())
                   && !PossessiveBefore().IsMatch(masked[Math.Max(0, start - 40)..Math.Max(0, start - 1)]);
        }

        var before = masked[Math.Max(0, start - 40)..Math.Max(0, start - 1)];
        return PossessiveBefore().IsMatch(before) || TitleIntroducer().IsMatch(before);
    }

    /// <summary>Robert C. "Bobby" Scott: one capitalised word quoted between parts of a name.</summary>
    private static bool IsNickname(string text, int start, int end)
    {
        if (end - start > 20 || text.AsSpan(start, end - start).Contains(' ') || !char.IsUpper(text[start]))
        {
            return false;
        }

        var before = start - 2;
        var after = end + 2;
        return before > 0 && after < text.Length && text[start - 2] == ' ' && (char.IsLetter(text[before - 1]) || text[before - 1] == '.')
               && char.IsUpper(text[after]) && LastWordCapitalised(text, before);
    }

    private static bool LastWordCapitalised(string text, int end)
    {
        var i = end - 1;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return char.IsUpper(text[i]);
    }

    /// <summary>
    /// A short quoted term nobody is found to have said ("a separate “liquidating trust”", "promoting
    /// “quack” cures"): the writer's scare quotes or a coined term, not a quotation. Only dropped when
    /// no speaker is found and the quote is not a whole statement.
    /// </summary>
    private static bool IsScareQuote(string content)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in content)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else if (c is not ('-' or '\'' or '’'))
            {
                inWord = false;
            }
        }

        return words <= MaxScareQuoteWords;
    }

    private const int MaxScareQuoteWords = 3;

    /// <summary>"(CROSSTALK.)", "(LAUGHTER)": a transcript's stage direction, not words anyone said.</summary>
    private static bool IsStageDirection(string content)
    {
        var t = content.Trim();
        return t.Length > 2 && t[0] == '(' && t.TrimEnd('.', ' ').EndsWith(')');
    }

    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "with", "a", "an", "on", "in", "to", "for", "at", "by", "or", "&",
    };

    [GeneratedRegex(@"[A-Z][\p{L}.]*(?:’s|'s)\s*$")]
    private static partial Regex PossessiveBefore();

    [GeneratedRegex(@"\b(?:on|of|titled|entitled|show|program|programme|documentary|film|movie|book|series|episode|song|album|novel|newspaper|magazine|column|op-ed|commentary|essay|ad|segment|headline)\s*,?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleIntroducer();

    /// <summary>An attribution sentence: "…,” Schiff said." / "Peabody said in a statement:".</summary>
    [GeneratedRegex(@"\b(?:said|says|told|added|adds|wrote|writes|explained|noted|continued|argued|insisted|tweeted|stated|declared)(?:\s+[\w’'-]+){0,4}\s*[.:]$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithCue();

    [GeneratedRegex(@"^[""“]?(?<label>[A-Z][A-Z.'’\- ]{1,30}[A-Z.]):\s")]
    private static partial Regex TranscriptLabel();

    [GeneratedRegex(@"\b(?:said|says|told|added|adds|asked|wrote|writes|tweeted|insisted|explained|noted|stated|argued|declared|warned|continued|recalled|replied|responded|reads|read)\s*:?$", RegexOptions.CultureInvariant)]
    private static partial Regex CueBeforeColon();
}
