namespace Summarizer.Text.Tests;

public class KeyQuoteSelectorTests
{
    private static Quote Q(string text, string? speaker, int start, bool full = true) => new(text, speaker, start, start + text.Length, "said", full);

    [Fact]
    public void Keeps_at_most_max_in_article_order()
    {
        string[] texts =
        [
            "The economy grew faster than anyone expected this spring",
            "Our troops remain ready to defend allies across the region",
            "Negotiations in Vienna resume next week with new proposals",
            "Farmers need rain badly after three dry summers in row",
            "Schools reopen Monday under strict health rules for pupils",
            "Bridge repairs will close two lanes until late November",
            "Voters deserve honest answers about rising grocery prices",
            "Scientists found water ice beneath the crater floor",
        ];
        var quotes = texts.Select((t, i) => Q(t, "Ann Lee", i * 100)).ToList();
        var chosen = KeyQuoteSelector.Select(quotes, KeyQuoteSelector.DefaultMax);
        Assert.Equal(5, KeyQuoteSelector.DefaultMax);
        Assert.Equal(5, chosen.Count);
        Assert.Equal(chosen.OrderBy(q => q.Start), chosen);
    }

    [Fact]
    public void Drops_near_duplicates()
    {
        var quotes = new[]
        {
            Q("We will take every necessary measure to defend our people", "Ann Lee", 0),
            Q("we will take every necessary measure to defend our people.", "Ann Lee", 500),
            Q("The talks in Vienna will continue next month as planned", "Bob Ray", 900),
        };
        var chosen = KeyQuoteSelector.Select(quotes, 5);
        Assert.Equal(2, chosen.Count);
        Assert.Equal([0, 900], chosen.Select(q => q.Start));
    }

    [Fact]
    public void Prefers_named_speakers_and_complete_statements()
    {
        var quotes = new[]
        {
            Q("a phrase with no speaker but quite a few words in it", null, 0, full: false),
            Q("A complete statement from a named official about the strikes", "Jessica McNulty", 300),
        };
        var chosen = Assert.Single(KeyQuoteSelector.Select(quotes, 1));
        Assert.Equal("Jessica McNulty", chosen.Speaker);
    }

    [Fact]
    public void Skips_fragments_shorter_than_four_words() =>
        Assert.Empty(KeyQuoteSelector.Select([Q("crazy system", "Bill Clinton", 0)], 5));

    [Fact]
    public void Seed_digest_has_five_distinct_attributed_quotes()
    {
        var doc = ArticleDocument.Parse(Seeds.Raw);
        var chosen = KeyQuoteSelector.Select(QuoteExtractor.Extract(doc), KeyQuoteSelector.DefaultMax);
        Assert.Equal(5, chosen.Count);
        Assert.All(chosen, q => Assert.False(string.IsNullOrEmpty(q.Speaker)));
        Assert.Equal(5, chosen.Select(q => q.Text).Distinct().Count());
    }
}
