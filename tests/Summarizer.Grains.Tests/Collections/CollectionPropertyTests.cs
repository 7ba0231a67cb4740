using CsCheck;
using Summarizer.Contracts;
using Summarizer.Grains.Collections;

namespace Summarizer.Grains.Tests.Collections;

/// <summary>Any quotes and speakers, however odd: the merger never throws, never loses or invents a source, and its statement test is symmetric.</summary>
public sealed class CollectionPropertyTests
{
    private static readonly string[] Pieces =
    [
        "we", "will", "not", "back", "down", "don't", "we’ve", "laws", "law", "…", "...", ".", ",", "“", "”", "\"", "'", "’", " ", "  ",
        "Jessica", "McNulty", "Mr.", "Pentagon", "Spokesperson", "a spokeswoman", "the", "É", "\u0301", "1", "-", "s", "'s", "\n",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 30].Select(p => string.Join(' ', p));

    private static readonly Gen<string> AnyText = Gen.Char.Array[0, 60].Select(c => new string(c));

    [Fact]
    public void Same_statement_is_symmetric_and_reflexive_and_never_throws() =>
        Gen.Select(Gen.OneOf(Text, AnyText), Gen.OneOf(Text, AnyText)).Sample((a, b) =>
        {
            var (wa, wb) = (QuoteWords.Of(a), QuoteWords.Of(b));
            Assert.Equal(QuoteWords.SameStatement(wa, wb), QuoteWords.SameStatement(wb, wa));
            Assert.Equal(wa.Words.Count > 0, QuoteWords.SameStatement(wa, wa));
        }, iter: 3000);

    [Fact]
    public void Merging_keeps_every_source_once_and_never_more_than_max() =>
        Gen.Select(Gen.Select(Text, Gen.OneOf(Text, AnyText)).Array[0, 6].Array[1, 5], Gen.Int[0, 8]).Sample((articles, max) =>
        {
            var input = articles.Select((quotes, i) => new ArticleQuotes("a" + i, i,
                [.. quotes.Select((q, k) => new KeyQuote(q.Item1, q.Item2.Length == 0 ? null : q.Item2, k, k + q.Item1.Length, true))])).ToList();
            var speakers = new SpeakerResolver(input.SelectMany(a => a.Quotes.Where(q => q.Speaker is not null).Select(q => (a.ArticleId, q.Speaker!))));

            var all = QuoteMerger.Merge(input, speakers, int.MaxValue);
            var cut = QuoteMerger.Merge(input, speakers, max);

            Assert.Equal(input.Sum(a => a.Quotes.Count), all.Sum(m => m.Sources.Count));
            Assert.True(cut.Count <= max);
            Assert.All(all, m => Assert.Contains(m.Text, m.Sources.Select(s => s.Text)));
        }, iter: 500);
}
