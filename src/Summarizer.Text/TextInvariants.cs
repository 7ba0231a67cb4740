using System.Text;

namespace Summarizer.Text;

/// <summary>A promise of a <c>Summarizer.Text</c> stage that did not hold for some input.</summary>
public sealed class TextInvariantException : Exception
{
    public TextInvariantException()
    {
    }

    public TextInvariantException(string message)
        : base(message)
    {
    }

    public TextInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// What every stage of this library promises about its output, checked on one run of raw text
/// through all of them: normaliser, paragraphs, sentence splitter, quote extractor (speakers,
/// names), key-quote selector, extractive summariser, token chunker and packer. The property tests,
/// the mutation corpus and <c>summarizer-eval fuzz</c> all call this one checker, so a promise is
/// written once. A broken promise throws <see cref="TextInvariantException"/>; any other exception
/// is a crash of the stage itself.
/// </summary>
public static class TextInvariants
{
    /// <summary>The outcome of a checked run.</summary>
    public sealed record Run(ArticleDocument Document, IReadOnlyList<Quote> Quotes);

    /// <summary>Every stage on <paramref name="raw"/>; <paramref name="budget"/> is the chunker's token budget (≥ 16).</summary>
    public static Run Check(string raw, TokenCounter tokens, int budget = 64, bool chunk = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(tokens);
        var document = ArticleDocument.Parse(raw, title);
        CheckText(document);
        CheckParagraphs(document);
        CheckSentences(document);
        var quotes = QuoteExtractor.Extract(document);
        CheckQuotes(document, quotes);
        CheckKeyQuotes(quotes);
        CheckSummaries(document);
        if (chunk)
        {
            CheckChunks(document, new TokenChunker(tokens), tokens, budget);
        }

        return new Run(document, quotes);
    }

    /// <summary>No lone surrogate, non-character or control character other than a newline.</summary>
    public static void CheckCleanCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var v = char.ConvertToUtf32(c, text[i + 1]);
                That((v & 0xFFFE) != 0xFFFE, $"non-character U+{v:X} at {i}");
                i++;
                continue;
            }

            That(!char.IsSurrogate(c), $"lone surrogate U+{(int)c:X4} at {i}");
            That(!(c is >= '\uFDD0' and <= '\uFDEF' || c is '\uFFFE' or '\uFFFF'), $"non-character U+{(int)c:X4} at {i}");
            That(!(char.IsControl(c) && c != '\n'), $"control character U+{(int)c:X4} at {i}");
        }
    }

    private static void That(bool condition, string promise)
    {
        if (!condition)
        {
            throw new TextInvariantException(promise);
        }
    }

    private static void InRange(int value, int low, int high, string what) =>
        That(value >= low && value <= high, $"{what} = {value}, outside [{low}, {high}]");

    private static void CheckText(ArticleDocument d)
    {
        var t = d.Text;
        CheckCleanCharacters(t);
        That(t.IsNormalized(NormalizationForm.FormC), "text is NFC");
        That(ArticleNormalizer.IsNormalized(t), "a grain takes the normalised text");
        That(!t.Contains("\n\n\n", StringComparison.Ordinal), "no more than one blank line");
        That(t.Length == 0 || (!char.IsWhiteSpace(t[0]) && !char.IsWhiteSpace(t[^1])), "no leading or trailing whitespace");
        That(!t.Contains(" \n", StringComparison.Ordinal) && !t.Contains("\n ", StringComparison.Ordinal), "no space beside a line break");
        if (d.Title is { } title)
        {
            CheckCleanCharacters(title);
            That(!title.Contains('\n', StringComparison.Ordinal), "a title is one line");
            That(title == ArticleNormalizer.NormalizeTitle(title), "a title is normalised");
        }

        if (d.Date is null && d.Title is null)
        {
            That(t == ArticleDocument.Parse(t).Text, "normalising normalised text changes nothing");
        }
    }

    private static void CheckParagraphs(ArticleDocument d)
    {
        var t = d.Text;
        var previousEnd = -2;
        foreach (var p in d.Paragraphs)
        {
            InRange(p.Start, 0, t.Length, "paragraph start");
            InRange(p.End, p.Start + 1, t.Length, "paragraph end");
            That(p.Start == 0 ? previousEnd == -2 : p.Start == previousEnd + 2, "paragraphs are separated by exactly one blank line");
            That(!p.Slice(t).Contains("\n\n", StringComparison.Ordinal), "a paragraph holds no blank line");
            previousEnd = p.End;
        }

        That(previousEnd == (t.Length == 0 ? -2 : t.Length), "paragraphs cover the text");
    }

    private static void CheckSentences(ArticleDocument d)
    {
        var t = d.Text;
        var covered = new bool[t.Length];
        var previousEnd = 0;
        var paragraph = 0;
        foreach (var s in d.Sentences)
        {
            InRange(s.Start, previousEnd, t.Length, "sentence start");
            InRange(s.End, s.Start + 1, t.Length, "sentence end");
            That(!char.IsWhiteSpace(t[s.Start]) && !char.IsWhiteSpace(t[s.End - 1]), "a sentence is trimmed");
            That(s.Slice(t).Any(char.IsLetterOrDigit), "a sentence holds a letter or digit");
            while (d.Paragraphs[paragraph].End < s.End)
            {
                paragraph++;
            }

            That(s.Start >= d.Paragraphs[paragraph].Start, "a sentence lies inside one paragraph");
            Array.Fill(covered, true, s.Start, s.End - s.Start);
            previousEnd = s.End;
        }

        for (var i = 0; i < t.Length; i++)
        {
            That(covered[i] || !char.IsLetterOrDigit(t[i]), $"letter or digit at {i} is in no sentence (sentences cover the text)");
        }

        That(d.HasSentences == t.Any(char.IsLetterOrDigit), "a text with a letter or digit has a sentence");
    }

    private static void CheckQuotes(ArticleDocument d, IReadOnlyList<Quote> quotes)
    {
        var t = d.Text;
        foreach (var q in quotes)
        {
            InRange(q.Start, 1, t.Length, "quote start");
            InRange(q.End, q.Start + 1, t.Length, "quote end");
            That(q.Text == t[q.Start..q.End], $"text[{q.Start}..{q.End}] is the quote");
            InRange(q.Paragraph, 0, d.Paragraphs.Count - 1, "quote paragraph");
            var p = d.Paragraphs[q.Paragraph];
            That(q.Start >= p.Start && q.End <= p.End, "a quote lies inside its paragraph");
            That(q.Speaker is null || (q.Speaker.Length > 0 && q.Speaker.Trim() == q.Speaker), $"speaker '{q.Speaker}' is empty or untrimmed");
            That(q.Speaker is null || !q.Speaker.Contains('\n', StringComparison.Ordinal), $"speaker '{q.Speaker}' spans a line break");
        }

        for (var i = 1; i < quotes.Count; i++)
        {
            That(quotes[i].Start >= quotes[i - 1].End, "quotes are ordered and do not overlap");
        }
    }

    private static void CheckKeyQuotes(IReadOnlyList<Quote> quotes)
    {
        foreach (var max in (int[])[0, 1, 5, 50])
        {
            var chosen = KeyQuoteSelector.Select(quotes, max);
            InRange(chosen.Count, 0, max, "key quotes chosen");
            That(chosen.All(quotes.Contains), "a key quote is one of the quotes");
            for (var i = 1; i < chosen.Count; i++)
            {
                That(chosen[i].Start > chosen[i - 1].Start, "key quotes are in article order");
            }
        }
    }

    private static void CheckSummaries(ArticleDocument d)
    {
        foreach (var n in (int[])[1, 3, 8])
        {
            var brief = ExtractiveSummarizer.Summarize(d, n);
            InRange(brief.Count, d.HasSentences ? 1 : 0, n, "brief sentences");
            That(brief.All(s => !string.IsNullOrWhiteSpace(s)), "a brief sentence is not blank");
        }
    }

    private static void CheckChunks(ArticleDocument d, TokenChunker chunker, TokenCounter tokens, int budget)
    {
        var chunks = chunker.Chunk(d, budget, budget / 8);
        That(d.HasSentences == chunks.Count > 0, "a text with sentences has chunks");
        for (var i = 0; i < chunks.Count; i++)
        {
            var c = chunks[i];
            That(c.Index == i, $"chunk {i} has index {i}");
            InRange(c.Span.Start, 0, d.Text.Length, "chunk start");
            InRange(c.Span.End, c.Span.Start + 1, d.Text.Length, "chunk end");
            That(c.Text == c.Span.Slice(d.Text), $"chunk {i} text is its span");
            That(tokens.Count(c.Text) == c.Tokens, $"chunk {i} counts its tokens");
            That(c.Tokens <= budget, $"chunk {i} holds {c.Tokens} tokens, over the budget {budget}");
            if (i > 0)
            {
                That(c.Span.Start > chunks[i - 1].Span.Start, "every chunk moves forward");
                var gap = d.Text.AsSpan(Math.Min(c.Span.Start, chunks[i - 1].Span.End), Math.Max(0, c.Span.Start - chunks[i - 1].Span.End));
                That(!gap.ToString().Any(char.IsLetterOrDigit), $"no words are skipped between chunks {i - 1} and {i}");
            }
        }

        if (chunks.Count > 0)
        {
            That(chunks[0].Span.Start == d.Sentences[0].Start, "the first chunk starts at the first sentence");
            That(chunks[^1].Span.End == d.Sentences[^1].End, "the last chunk ends at the last sentence");
            var groups = chunker.Pack([.. chunks.Select(c => c.Text)], budget);
            That(groups.All(g => tokens.Count(TokenChunker.Join(g)) <= budget + g.Count), "a packed group fits the budget");
        }
    }
}
