namespace Summarizer.Text;

/// <summary>
/// Finds direct quotations (curly or straight double quotes, including quotes continued over
/// paragraphs) and attributes each to a speaker in three steps, each documented in
/// docs/ATTRIBUTION.md: the quote's marks and what is not a quotation (<see cref="QuoteMarks"/>,
/// <see cref="NotQuotations"/>); the speaker phrase written next to it, by the first of the ordered
/// <see cref="AttributionRules"/> that finds one; and resolution of that phrase to a person
/// (surname → full name, he/she → the person meant, none → the speaker the paragraph continues).
/// </summary>
public static class QuoteExtractor
{
    public static IReadOnlyList<Quote> Extract(ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var spans = QuoteMarks.FindQuoteSpans(text, document.Paragraphs);
        var masked = QuoteMarks.Mask(text, spans);
        var names = new NameIndex(text);
        var result = new List<Quote>();
        var continued = new List<bool>();
        var context = new SpeakerContext();

        foreach (var span in spans)
        {
            var (start, end) = (span.Start, span.End);
            var content = text[start..end];
            if (!content.Any(char.IsLetter) || span.Transcript || NotQuotations.IsTitleOfWork(text, masked, start, end) || NotQuotations.IsNickname(text, start, end)
                || NotQuotations.IsStageDirection(content))
            {
                continue;
            }

            var site = new QuoteSite(document, masked, span);
            var found = AttributionRules.Attribute(site);
            var (speaker, cue, rule) = found is { } a ? (a.Speaker, a.Cue, a.Rule) : ((string?)null, (string?)null, (string?)null);
            var paragraph = site.ParagraphIndex;
            if (speaker is not null && PhraseTokens.IsPronoun(speaker))
            {
                speaker = context.ResolvePronoun(names, speaker, paragraph, site.SentenceStart);
            }
            else if (speaker is not null)
            {
                speaker = names.Resolve(speaker, start, context.PreviousSpeaker);
            }
            else if (context.Continues(paragraph, site.OpensParagraph))
            {
                (speaker, cue, rule) = (context.PreviousSpeaker, null, "paragraph-continues-speaker");
            }

            var full = site.IsFullStatement;
            if (speaker is null && NotQuotations.IsScareQuote(content) && !full)
            {
                continue;
            }

            result.Add(new Quote(content, speaker, start, end, cue, full) { Paragraph = paragraph, Rule = rule });
            continued.Add(span.Continued);
            context.Saw(speaker, paragraph);
        }

        TakeAttributionWhereContinuedQuotesClose(document, result, continued);
        return result;
    }

    /// <summary>A quote left open at a paragraph end is attributed where it finally closes: “A … ¶ “B,” she said.</summary>
    private static void TakeAttributionWhereContinuedQuotesClose(ArticleDocument document, List<Quote> result, List<bool> continued)
    {
        for (var i = result.Count - 2; i >= 0; i--)
        {
            var next = result[i + 1];
            if (continued[i] && result[i].Speaker is null && next.Speaker is not null
                && next.Paragraph == result[i].Paragraph + 1 && next.Start - 1 == document.Paragraphs[next.Paragraph].Start)
            {
                result[i] = result[i] with { Speaker = next.Speaker, Cue = next.Cue, Rule = "continued-quote" };
            }
        }
    }

    /// <summary>The speakers seen so far, for pronouns and for quotes that continue a speaker.</summary>
    private sealed class SpeakerContext
    {
        private int _previousParagraph = -2;
        private string? _lastNamed;
        private int _lastNamedParagraph = -10;

        public string? PreviousSpeaker { get; private set; }

        /// <summary>An unattributed quote continues the previous speaker in the same paragraph, or in the next one when it opens it.</summary>
        public bool Continues(int paragraph, bool opensParagraph) =>
            paragraph == _previousParagraph || (paragraph == _previousParagraph + 1 && opensParagraph);

        /// <summary>he/she: the quoted speaker just before when the gender the article shows fits, else the nearest person whose gender fits.</summary>
        public string ResolvePronoun(NameIndex names, string pronoun, int paragraph, int sentenceStart) =>
            pronoun is "he" or "He" or "she" or "She"
                ? (PreviousSpeaker is not null && paragraph - _previousParagraph <= 1 && names.GenderShownFits(PreviousSpeaker, pronoun) ? PreviousSpeaker : null)
                  ?? names.PersonForPronoun(pronoun, sentenceStart) ?? (paragraph - _lastNamedParagraph <= 4 ? _lastNamed : null) ?? pronoun
                : PreviousSpeaker ?? pronoun;

        public void Saw(string? speaker, int paragraph)
        {
            if (speaker is null)
            {
                return;
            }

            PreviousSpeaker = speaker;
            _previousParagraph = paragraph;
            if (PhraseTokens.IsName(speaker) && speaker.Contains(' ', StringComparison.Ordinal))
            {
                _lastNamed = speaker;
                _lastNamedParagraph = paragraph;
            }
        }
    }
}
