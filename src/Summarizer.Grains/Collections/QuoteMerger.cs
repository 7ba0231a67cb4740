using Summarizer.Contracts;

namespace Summarizer.Grains.Collections;

/// <summary>The key quotes one article of a collection contributed, best first, and where the article stands in the collection.</summary>
public sealed record ArticleQuotes(string ArticleId, int Order, IReadOnlyList<KeyQuote> Quotes);

/// <summary>
/// Key quotes across the articles of a collection, each statement once: quotes that are the same
/// words (<see cref="QuoteWords.SameStatement"/>: punctuation, quote marks, ellipses and fragments
/// aside) are one entry with every source, shown in the fullest wording, with the speaker most of
/// its sources give (resolved across articles by <see cref="SpeakerResolver"/>). Ranked by how many
/// articles carry the quote, then by how often its speaker is quoted across the collection, then by
/// its best rank within an article.
/// </summary>
public static class QuoteMerger
{
    public static IReadOnlyList<MergedQuote> Merge(IReadOnlyList<ArticleQuotes> articles, SpeakerResolver speakers, int max)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(speakers);
        var items = articles
            .SelectMany(a => a.Quotes.Select((q, rank) => new Item(a.ArticleId, a.Order, rank, q, QuoteWords.Of(q.Text))))
            .ToList();
        var groups = Group(items);

        var merged = groups.Select(g => Build(g, speakers)).ToList();
        var prominence = merged
            .Where(m => m.SpeakerKey is not null)
            .GroupBy(m => m.SpeakerKey!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Articles));
        return [.. merged
            .OrderByDescending(m => m.Articles)
            .ThenByDescending(m => m.SpeakerKey is null ? 0 : prominence[m.SpeakerKey])
            .ThenBy(m => m.BestRank)
            .ThenBy(m => m.FirstOrder)
            .Take(Math.Max(0, max))
            .Select(m => m.Quote)];
    }

    private static List<List<Item>> Group(List<Item> items)
    {
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (Find(i) != Find(j) && QuoteWords.SameStatement(items[i].Words, items[j].Words))
                {
                    parent[Find(j)] = Find(i);
                }
            }
        }

        return [.. items.Select((item, i) => (item, root: Find(i))).GroupBy(x => x.root).Select(g => g.Select(x => x.item).ToList())];
    }

    private static Merged Build(List<Item> group, SpeakerResolver speakers)
    {
        var sources = group.OrderBy(i => i.Order).ThenBy(i => i.Rank).ToList();
        var fullest = sources.OrderByDescending(i => i.Words.Words.Count).ThenBy(i => i.Order).First();
        var speakerKey = sources
            .Select(i => speakers.Key(i.ArticleId, i.Quote.Speaker))
            .Where(k => k is not null)
            .GroupBy(k => k!)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => sources.FindIndex(i => speakers.Key(i.ArticleId, i.Quote.Speaker) == g.Key))
            .Select(g => g.Key)
            .FirstOrDefault();
        var speaker = speakerKey is null ? null : sources
            .Where(i => speakers.Key(i.ArticleId, i.Quote.Speaker) == speakerKey)
            .Select(i => speakers.Display(i.ArticleId, i.Quote.Speaker))
            .First();
        var quote = new MergedQuote(fullest.Quote.Text, speaker,
            [.. sources.Select(i => new QuoteSource(i.ArticleId, i.Quote.Text, i.Quote.Start, i.Quote.End, i.Quote.Verified, i.Quote.Speaker))]);
        return new Merged(quote, speakerKey, sources.Select(i => i.ArticleId).Distinct(StringComparer.Ordinal).Count(),
            sources.Min(i => i.Rank), sources.Min(i => i.Order));
    }

    private sealed record Item(string ArticleId, int Order, int Rank, KeyQuote Quote, QuoteWords Words);

    private sealed record Merged(MergedQuote Quote, string? SpeakerKey, int Articles, int BestRank, int FirstOrder);
}
