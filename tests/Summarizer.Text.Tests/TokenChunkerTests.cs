using Summarizer.Testing;
using Summarizer.Text;

namespace Summarizer.Text.Tests;

public sealed class TokenChunkerTests
{
    private static readonly TokenCounter Tokens = TokenCounter.CreateO200k();
    private readonly TokenChunker _chunker = new(Tokens);

    [Fact]
    public void Chunks_fit_the_budget_cover_the_text_and_overlap_on_sentence_boundaries()
    {
        var document = ArticleDocument.Parse(LongArticleText.OfSize(60_000, "chunker"));

        var chunks = _chunker.Chunk(document, 500, 40);

        Assert.True(chunks.Count > 10);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 500 && c.Tokens == Tokens.Count(c.Text)));
        Assert.Equal(0, chunks[0].Span.Start);
        Assert.Equal(document.Text.TrimEnd().Length, chunks[^1].Span.End);
        var starts = document.Sentences.Select(s => s.Start).ToHashSet();
        var ends = document.Sentences.Select(s => s.End).ToHashSet();
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Contains(chunks[i].Span.Start, starts);
            Assert.Contains(chunks[i].Span.End, ends);
            Assert.True(chunks[i].Span.Start < chunks[i - 1].Span.End, "consecutive chunks overlap");
            Assert.True(chunks[i].Span.Start > chunks[i - 1].Span.Start, "every chunk moves forward");
        }
    }

    [Fact]
    public void A_sentence_longer_than_the_budget_is_cut_to_fit()
    {
        var document = ArticleDocument.Parse(string.Join(' ', Enumerable.Range(0, 3000).Select(i => "word" + i)) + ".");

        var chunks = _chunker.Chunk(document, 300, 0);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.Tokens <= 300));
    }

    [Fact]
    public void Pack_keeps_every_group_within_the_budget_and_merges_at_least_two()
    {
        var parts = Enumerable.Range(0, 40).Select(i => string.Join(' ', Enumerable.Repeat($"partial{i} summary text", 10 + (i % 7) * 20))).ToList();

        var groups = _chunker.Pack(parts, 400);

        Assert.All(groups, g => Assert.True(Tokens.Count(TokenChunker.Join(g)) <= 400));
        Assert.All(groups.SkipLast(1), g => Assert.True(g.Count >= 2));
        Assert.Equal(parts.Count, groups.Sum(g => g.Count));
    }

    [Fact]
    public void Sentence_counts_given_once_give_the_chunks_counted_here()
    {
        var document = ArticleDocument.Parse(LongArticleText.OfSize(40_000, "given"));
        var counts = Tokens.CountEach(document.Text, document.Sentences);

        var given = _chunker.Chunk(document, 400, 32, counts);

        Assert.Equal(_chunker.Chunk(document, 400, 32), given);
        Assert.Equal(document.Sentences.Select(s => Tokens.Count(s.Slice(document.Text))), counts);
    }

    [Fact]
    public void Where_the_estimate_falls_short_the_chunk_is_shrunk_to_its_exact_count()
    {
        // Halved counts make every planned chunk about twice the budget: each is counted exactly and shrunk.
        var document = ArticleDocument.Parse(LongArticleText.OfSize(30_000, "short-estimate"));
        var halved = Tokens.CountEach(document.Text, document.Sentences).Select(n => Math.Max(1, n / 2)).ToArray();

        var chunks = _chunker.Chunk(document, 300, 20, halved);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(c.Tokens <= 300 && c.Tokens == Tokens.Count(c.Text)));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.Equal(document.Text.TrimEnd().Length, chunks[^1].Span.End);
        Assert.All(chunks.Zip(chunks.Skip(1)), p => Assert.True(p.Second.Span.Start > p.First.Span.Start && p.Second.Span.Start <= p.First.Span.End));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(400)]
    public void Fits_answers_as_the_whole_count_does(int extra)
    {
        var text = LongArticleText.OfSize(3_000, "fits");
        var count = Tokens.Count(text);

        Assert.True(Tokens.Fits(text, count + extra));
        Assert.False(Tokens.Fits(text, count - 1 - extra));
        Assert.True(Tokens.Fits("", 0));
        Assert.False(Tokens.Fits("word", 0));
    }
}
