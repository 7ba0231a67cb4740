using System.Text;

namespace Summarizer.Text.Tests;

/// <summary>
/// Runs raw text through every stage of <c>Summarizer.Text</c> (normaliser, paragraphs, sentence
/// splitter, quote extractor with its speaker and name rules, key-quote selector, extractive
/// summariser, token chunker and packer) and checks each stage's invariants. Shared by the
/// regression, property and mutation-corpus tests.
/// </summary>
internal static class TextPipeline
{
    public static readonly TokenCounter Tokens = TokenCounter.CreateO200k();

    private static readonly TokenChunker Chunker = new(Tokens);

    public sealed record Outcome(ArticleDocument Document, IReadOnlyList<Quote> Quotes);

    /// <summary>Every stage on <paramref name="raw"/>; <paramref name="budget"/> is the chunker's token budget (≥ 16).</summary>
    public static Outcome Run(string raw, int budget = 64, bool chunk = true)
    {
        var document = ArticleDocument.Parse(raw);
        CheckText(document);
        CheckParagraphs(document);
        CheckSentences(document);
        var quotes = QuoteExtractor.Extract(document);
        CheckQuotes(document, quotes);
        CheckKeyQuotes(quotes);
        CheckSummaries(document);
        if (chunk)
        {
            CheckChunks(document, budget);
        }

        return new Outcome(document, quotes);
    }

    /// <summary>A C# string literal of <paramref name="s"/>, every character outside printable ASCII escaped, to paste into a regression test.</summary>
    public static string Literal(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ when c is >= ' ' and <= '~' => c.ToString(),
                _ => $"\\u{(int)c:x4}",
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>No lone surrogate, non-character or control character other than a newline.</summary>
    public static void AssertCleanCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var v = char.ConvertToUtf32(c, text[i + 1]);
                Assert.False((v & 0xFFFE) == 0xFFFE, $"non-character U+{v:X} at {i}");
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(c), $"lone surrogate U+{(int)c:X4} at {i}");
            Assert.False(c is >= '\uFDD0' and <= '\uFDEF' || c is '\uFFFE' or '\uFFFF', $"non-character U+{(int)c:X4} at {i}");
            Assert.False(char.IsControl(c) && c != '\n', $"control character U+{(int)c:X4} at {i}");
        }
    }

    private static void CheckText(ArticleDocument d)
    {
        var t = d.Text;
        AssertCleanCharacters(t);
        Assert.True(t.IsNormalized(NormalizationForm.FormC), "text is NFC");
        Assert.True(ArticleNormalizer.IsNormalized(t), "a grain takes the normalised text");
        Assert.DoesNotContain("\n\n\n", t, StringComparison.Ordinal);
        Assert.True(t.Length == 0 || (!char.IsWhiteSpace(t[0]) && !char.IsWhiteSpace(t[^1])), "no leading or trailing whitespace");
        Assert.DoesNotContain(" \n", t, StringComparison.Ordinal);
        Assert.DoesNotContain("\n ", t, StringComparison.Ordinal);
        if (d.Title is { } title)
        {
            AssertCleanCharacters(title);
            Assert.DoesNotContain('\n', title);
            Assert.Equal(title, ArticleNormalizer.NormalizeTitle(title));
        }

        if (d.Date is null && d.Title is null)
        {
            Assert.Equal(t, ArticleDocument.Parse(t).Text); // normalising normalised text changes nothing
        }
    }

    private static void CheckParagraphs(ArticleDocument d)
    {
        var t = d.Text;
        var previousEnd = -2;
        foreach (var p in d.Paragraphs)
        {
            Assert.InRange(p.Start, 0, t.Length);
            Assert.InRange(p.End, p.Start + 1, t.Length);
            Assert.True(p.Start == 0 ? previousEnd == -2 : p.Start == previousEnd + 2, "paragraphs are separated by exactly one blank line");
            Assert.DoesNotContain("\n\n", p.Slice(t), StringComparison.Ordinal);
            previousEnd = p.End;
        }

        Assert.Equal(t.Length == 0 ? -2 : t.Length, previousEnd);
    }

    private static void CheckSentences(ArticleDocument d)
    {
        var t = d.Text;
        var covered = new bool[t.Length];
        var previousEnd = 0;
        var paragraph = 0;
        foreach (var s in d.Sentences)
        {
            Assert.InRange(s.Start, previousEnd, t.Length);
            Assert.InRange(s.End, s.Start + 1, t.Length);
            Assert.False(char.IsWhiteSpace(t[s.Start]) || char.IsWhiteSpace(t[s.End - 1]), "a sentence is trimmed");
            Assert.Contains(s.Slice(t), c => char.IsLetterOrDigit(c));
            while (d.Paragraphs[paragraph].End < s.End)
            {
                paragraph++;
            }

            Assert.True(s.Start >= d.Paragraphs[paragraph].Start, "a sentence lies inside one paragraph");
            for (var i = s.Start; i < s.End; i++)
            {
                covered[i] = true;
            }

            previousEnd = s.End;
        }

        for (var i = 0; i < t.Length; i++)
        {
            Assert.True(covered[i] || !char.IsLetterOrDigit(t[i]), $"letter or digit at {i} is in no sentence");
        }

        Assert.Equal(d.HasSentences, t.Any(char.IsLetterOrDigit));
    }

    private static void CheckQuotes(ArticleDocument d, IReadOnlyList<Quote> quotes)
    {
        var t = d.Text;
        foreach (var q in quotes)
        {
            Assert.InRange(q.Start, 1, t.Length);
            Assert.InRange(q.End, q.Start + 1, t.Length);
            Assert.Equal(q.Text, t[q.Start..q.End]);
            Assert.InRange(q.Paragraph, 0, d.Paragraphs.Count - 1);
            var p = d.Paragraphs[q.Paragraph];
            Assert.True(q.Start >= p.Start && q.End <= p.End, "a quote lies inside its paragraph");
            Assert.True(q.Speaker is null || (q.Speaker.Length > 0 && q.Speaker.Trim() == q.Speaker), $"speaker '{q.Speaker}' is empty or untrimmed");
            Assert.True(q.Speaker is null || !q.Speaker.Contains('\n'), $"speaker '{q.Speaker}' spans a line break");
        }

        for (var i = 1; i < quotes.Count; i++)
        {
            Assert.True(quotes[i].Start >= quotes[i - 1].End, "quotes are ordered and do not overlap");
        }
    }

    private static void CheckKeyQuotes(IReadOnlyList<Quote> quotes)
    {
        foreach (var max in (int[])[0, 1, 5, 50])
        {
            var chosen = KeyQuoteSelector.Select(quotes, max);
            Assert.InRange(chosen.Count, 0, max);
            Assert.All(chosen, q => Assert.Contains(q, quotes));
            for (var i = 1; i < chosen.Count; i++)
            {
                Assert.True(chosen[i].Start > chosen[i - 1].Start, "key quotes are in article order");
            }
        }
    }

    private static void CheckSummaries(ArticleDocument d)
    {
        foreach (var n in (int[])[1, 3, 8])
        {
            var brief = ExtractiveSummarizer.Summarize(d, n);
            Assert.InRange(brief.Count, d.HasSentences ? 1 : 0, n);
            Assert.All(brief, s => Assert.False(string.IsNullOrWhiteSpace(s), "a brief sentence is not blank"));
        }
    }

    private static void CheckChunks(ArticleDocument d, int budget)
    {
        var chunks = Chunker.Chunk(d, budget, budget / 8);
        Assert.Equal(d.HasSentences, chunks.Count > 0);
        for (var i = 0; i < chunks.Count; i++)
        {
            var c = chunks[i];
            Assert.Equal(i, c.Index);
            Assert.InRange(c.Span.Start, 0, d.Text.Length);
            Assert.InRange(c.Span.End, c.Span.Start + 1, d.Text.Length);
            Assert.Equal(c.Text, c.Span.Slice(d.Text));
            Assert.Equal(Tokens.Count(c.Text), c.Tokens);
            Assert.True(c.Tokens <= budget, $"chunk {i} holds {c.Tokens} tokens, over the budget {budget}");
            if (i > 0)
            {
                Assert.True(c.Span.Start > chunks[i - 1].Span.Start, "every chunk moves forward");
                var gap = d.Text.AsSpan(Math.Min(c.Span.Start, chunks[i - 1].Span.End), Math.Max(0, c.Span.Start - chunks[i - 1].Span.End));
                Assert.False(gap.ToString().Any(char.IsLetterOrDigit), $"no words are skipped between chunks {i - 1} and {i}");
            }
        }

        if (chunks.Count > 0)
        {
            Assert.Equal(d.Sentences[0].Start, chunks[0].Span.Start);
            Assert.Equal(d.Sentences[^1].End, chunks[^1].Span.End);
            var groups = Chunker.Pack([.. chunks.Select(c => c.Text)], budget);
            Assert.All(groups, g => Assert.True(Tokens.Count(TokenChunker.Join(g)) <= budget + g.Count, "a packed group fits the budget"));
        }
    }
}
