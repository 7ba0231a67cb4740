namespace Summarizer.Text;

/// <summary>Attribution rules that read the quote's sentence or the one before it rather than a cue next to the quote.</summary>
internal static class SentenceContext
{
    /// <summary>The subject of the quote's sentence: "At Monday’s debate, Clinton called them “deplorables.”"</summary>
    public static Attribution? Subject(QuoteSite site)
    {
        var prefix = site.Prefix;
        return prefix.Trim().Length > 0 && SpeakerPhrase.Subject(prefix) is { } subject ? new Attribution(subject, null, "") : null;
    }

    /// <summary>A quote that opens its sentence right after "…, Schiff said." in the same paragraph.</summary>
    public static Attribution? AttributionSentenceBefore(QuoteSite site)
    {
        if (site.Prefix.Trim().Length != 0 || site.SentenceStart <= site.Paragraph.Start)
        {
            return null;
        }

        var previousStart = site.PreviousSentenceStart(site.SentenceStart, site.Paragraph.Start);
        var previousSentence = site.Masked[previousStart..site.SentenceStart].TrimEnd();
        return CueBeforeQuote.EndsWithCue(previousSentence)
            ? CueBeforeQuote.Last(previousSentence.TrimEnd('.', ':') + " ")
            : null;
    }

    /// <summary>A block quote after a paragraph ending in a colon: "The New York Times reports:".</summary>
    public static Attribution? ColonBlock(QuoteSite site)
    {
        if (!site.OpensParagraph || site.ParagraphIndex == 0)
        {
            return null;
        }

        var previous = site.Document.Paragraphs[site.ParagraphIndex - 1];
        var prevText = site.Masked[previous.Start..previous.End].TrimEnd();
        if (!prevText.EndsWith(':'))
        {
            return null;
        }

        var lastSentence = prevText[(QuoteSite.LastSentenceStart(prevText) is var ls && ls >= 0 ? ls : 0)..^1];
        if (CueBeforeQuote.Last(lastSentence + " ") is { } colon)
        {
            return colon;
        }

        return SpeakerPhrase.Subject(lastSentence) is { } subject ? new Attribution(subject, null, "") : null;
    }
}
