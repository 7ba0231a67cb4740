using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Finds direct quotations (curly or straight double quotes) and attributes each to a speaker:
/// a cue verb (said, told, according to, ...) before or after the quote, a named or described
/// subject, surname → full name from earlier in the article, pronoun → most recent person.
/// </summary>
public static partial class QuoteExtractor
{
    public static IReadOnlyList<Quote> Extract(ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var names = new NameIndex(text);
        var result = new List<Quote>();
        string? previousSpeaker = null;
        var previousParagraph = -1;

        foreach (var (start, end) in FindQuoteSpans(text))
        {
            var content = text[start..end];
            if (!content.Any(char.IsLetter))
            {
                continue;
            }

            var paragraph = ParagraphOf(document.Paragraphs, start);
            var p = document.Paragraphs[paragraph];
            var (speaker, cue) = Attribute(text, p, start, end);
            if (speaker is not null)
            {
                speaker = names.Resolve(speaker, start, previousSpeaker);
            }
            else if (paragraph == previousParagraph || IsContinuation(text, p, start))
            {
                speaker = previousSpeaker;
            }

            var full = IsFull(text, p, start, end);
            result.Add(new Quote(content, speaker, start, end, cue, full) { Paragraph = paragraph });
            if (speaker is not null)
            {
                previousSpeaker = speaker;
                previousParagraph = paragraph;
            }
        }

        return result;
    }

    /// <summary>Spans of the quoted words, between matching marks; straight quotes pair up in order.</summary>
    internal static IEnumerable<(int Start, int End)> FindQuoteSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            char close;
            if (c == '“')
            {
                close = '”';
            }
            else if (c == '"')
            {
                close = '"';
            }
            else
            {
                i++;
                continue;
            }

            var j = i + 1;
            var paragraphEnd = text.IndexOf("\n\n", j, StringComparison.Ordinal);
            if (paragraphEnd < 0)
            {
                paragraphEnd = text.Length;
            }

            var k = text.IndexOf(close, j);
            var reopen = close == '”' ? text.IndexOf('“', j) : -1;
            if (k < 0 || k > paragraphEnd)
            {
                // No closing mark in the paragraph: a quote continued over paragraphs ends at the paragraph.
                if (paragraphEnd - j > 0)
                {
                    yield return (j, paragraphEnd);
                }

                i = paragraphEnd;
                continue;
            }

            if (reopen >= 0 && reopen < k)
            {
                // An opening mark before the close: the first quote was not closed in this stretch.
                i = reopen;
                continue;
            }

            if (k > j)
            {
                yield return (j, k);
            }

            i = k + 1;
        }
    }

    private static int ParagraphOf(IReadOnlyList<TextSpan> paragraphs, int offset)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (offset < paragraphs[i].End)
            {
                return i;
            }
        }

        return paragraphs.Count - 1;
    }

    private static bool IsContinuation(string text, TextSpan paragraph, int quoteStart) =>
        quoteStart - 1 == paragraph.Start; // paragraph opens with the quote and has no attribution of its own

    private static bool IsFull(string text, TextSpan paragraph, int start, int end)
    {
        var before = text[paragraph.Start..Math.Max(paragraph.Start, start - 1)].TrimEnd();
        return before.Length == 0 || before.EndsWith(':') || before.EndsWith(',') || CueBeforeColon().IsMatch(before);
    }

    private static (string? Speaker, string? Cue) Attribute(string text, TextSpan paragraph, int start, int end)
    {
        // After the quote: ”, SPEAKER said.  /  ”, said SPEAKER, ...  /  ” according to SPEAKER.
        var afterStart = Math.Min(end + 1, paragraph.End);
        var after = text[afterStart..Math.Min(paragraph.End, afterStart + 200)];
        var m = AfterSpeakerCue().Match(after);
        if (m.Success)
        {
            return (Clean(m.Groups["speaker"].Value), m.Groups["cue"].Value);
        }

        m = AfterCueSpeaker().Match(after);
        if (m.Success)
        {
            return (Clean(m.Groups["speaker"].Value), m.Groups["cue"].Value);
        }

        // Before the quote, within the same sentence: SPEAKER said (that) ... “
        var sentenceStart = Math.Max(paragraph.Start, LastSentenceBoundary(text, paragraph.Start, start - 1));
        var before = text[sentenceStart..Math.Max(sentenceStart, start - 1)];
        m = BeforeSpeakerCue().Match(before);
        if (m.Success)
        {
            return (Clean(m.Groups["speaker"].Value), m.Groups["cue"].Value);
        }

        m = BeforeAccordingTo().Match(before);
        if (m.Success)
        {
            return (Clean(m.Groups["speaker"].Value), "according to");
        }

        return (null, null);
    }

    private static int LastSentenceBoundary(string text, int from, int to)
    {
        for (var i = to - 1; i > from; i--)
        {
            if (text[i] is '.' or '?' or '!' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !IsInsideQuote(text, from, i))
            {
                return i + 1;
            }
        }

        return from;
    }

    private static bool IsInsideQuote(string text, int from, int at)
    {
        var opens = 0;
        for (var i = from; i < at; i++)
        {
            if (text[i] == '“')
            {
                opens++;
            }
            else if (text[i] == '”')
            {
                opens--;
            }
        }

        return opens > 0;
    }

    private static string Clean(string speaker)
    {
        speaker = speaker.Trim().Trim(',', ' ');
        // The sentence's full stop is not part of the name ("said Mayor Ken Ito."), an initial's is ("John Q.").
        var lastSpace = speaker.LastIndexOf(' ');
        return speaker.EndsWith('.') && speaker.Length - lastSpace > 3 ? speaker[..^1] : speaker;
    }

    private const string Cues = "said|says|told|added|adds|asked|wrote|writes|tweeted|insisted|explained|noted|stated|argued|declared|warned|continued|believes|believed|recalled|replied|responded|according to";
    private const string Name = @"(?:[A-Z][\p{L}'’\-]+\.?|[A-Z]\.)(?:\s+(?:[A-Z][\p{L}'’\-]+\.?|[A-Z]\.|de|van|von|bin|al-[A-Z][\p{L}]+))*";
    private const string Description = @"(?:an?|the)\s+[^,“”""]{2,80}?";

    [GeneratedRegex(@"^[\s,]*(?<speaker>" + Name + "|" + Description + @"|he|she|they|I|we)\s*(?:,[^,]{1,120},\s*)?(?<cue>" + Cues + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex AfterSpeakerCue();

    [GeneratedRegex(@"^[\s,]*(?<cue>said|says|added|asked|wrote|according to|told)\s+(?<speaker>" + Name + "|" + Description + @")(?=[,.;]|\s+(?:in|on|at|who|to)\b|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AfterCueSpeaker();

    [GeneratedRegex(@"(?:^|[,;]\s*|\b(?:and|but|while)\s+)(?<speaker>" + Name + "|" + Description + @"|[Hh]e|[Ss]he|[Tt]hey)\s*(?:,[^,]{1,120},\s*)?(?<cue>" + Cues + @")\b[^“”""]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BeforeSpeakerCue();

    [GeneratedRegex(@"according to\s+(?<speaker>" + Name + "|" + Description + @")", RegexOptions.CultureInvariant)]
    private static partial Regex BeforeAccordingTo();

    [GeneratedRegex(@"\b(?:" + Cues + @")\s*:?$", RegexOptions.CultureInvariant)]
    private static partial Regex CueBeforeColon();
}
