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
}
