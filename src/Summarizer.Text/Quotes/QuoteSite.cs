using System.Text.RegularExpressions;
using Summarizer.Text.Lexicon;

namespace Summarizer.Text;

/// <summary>
/// Where a quote sits: its words, its paragraph and the sentence(s) around it, and the article
/// text with every quote blanked out (<see cref="Masked"/>), which is what the attribution rules read.
/// </summary>
internal sealed class QuoteSite
{
    private static readonly Regex CueBeforeColon = new(
        $@"\b(?:{QuoteLexicon.Alternation("invertible-cues")})\s*:?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public QuoteSite(ArticleDocument document, string masked, QuoteSpan span)
    {
        Document = document;
        Masked = masked;
        Start = span.Start;
        End = span.End;
        Label = span.Label;
        ParagraphIndex = ParagraphOf(document.Paragraphs, Start);
        Paragraph = document.Paragraphs[ParagraphIndex];
        (SentenceStart, SentenceEnd) = SentenceAround(document, Paragraph, Start, End);
    }

    public ArticleDocument Document { get; }

    public string Text => Document.Text;

    public string Masked { get; }

    public int Start { get; }

    public int End { get; }

    public string? Label { get; }

    public int ParagraphIndex { get; }

    public TextSpan Paragraph { get; }

    public int SentenceStart { get; }

    public int SentenceEnd { get; }

    /// <summary>The masked words of the quote's sentence before its opening mark.</summary>
    public string Prefix => Masked[SentenceStart..Math.Max(SentenceStart, Start - 1)];

    /// <summary>The quote opens the paragraph (its opening mark is the paragraph's first character).</summary>
    public bool OpensParagraph => Start - 1 == Paragraph.Start;

    /// <summary>A whole statement: the quote opens its sentence, or follows a cue, a colon or a comma.</summary>
    public bool IsFullStatement
    {
        get
        {
            var before = Prefix.TrimEnd();
            return before.Length == 0 || before.EndsWith(':') || before.EndsWith(',') || CueBeforeColon.IsMatch(before);
        }
    }

    public int PreviousSentenceStart(int before, int paragraphStart)
    {
        var result = paragraphStart;
        foreach (var s in Document.Sentences)
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

    public int NextSentenceEnd(int after, int paragraphEnd)
    {
        foreach (var s in Document.Sentences)
        {
            if (s.Start >= after)
            {
                return Math.Min(s.End, paragraphEnd);
            }
        }

        return after;
    }

    public static int LastSentenceStart(string s)
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
}
