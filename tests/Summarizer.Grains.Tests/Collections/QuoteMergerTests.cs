using Summarizer.Contracts;
using Summarizer.Grains.Collections;

namespace Summarizer.Grains.Tests.Collections;

public sealed class QuoteMergerTests
{
    [Theory]
    [InlineData("“We will not back down from this fight,” ", "\"We will not back down from this fight\"")]
    [InlineData("We don’t know yet how many people were hurt", "we don't know yet how many people were hurt.")]
    [InlineData("We will not back down from this fight, and we will win", "not back down from this fight")]
    [InlineData("We will not back down … and we will win", "We will not back down from this fight, and we will win")]
    [InlineData("We will not back down... and we will win", "We will not back down from this fight, and we will win")]
    [InlineData("We have got to do everything possible to improve policing", "We’ve got to do everything possible to improve policing,")]
    [InlineData("This is just unbearable. And it needs to be intolerable.", "I mean, this is just unbearable, and it needs to be intolerable,")]
    [InlineData("despite, frankly, being a big beneficiary of the laws", "despite, frankly, being a big beneficiary of the law.")]
    public void The_same_statement_however_it_is_punctuated_or_trimmed(string a, string b) =>
        Assert.True(QuoteWords.SameStatement(QuoteWords.Of(a), QuoteWords.Of(b)));

    [Theory]
    [InlineData("No comment", "No comment at this time from the ministry")]
    [InlineData("We will not back down from this fight", "We will back down from this fight")]
    [InlineData("We will win … this fight", "We will lose this fight and we will win")]
    [InlineData("I do not think this is a ridiculous idea at all", "I think this is a ridiculous idea at all")]
    [InlineData("I don't think this is a ridiculous idea at all", "I think this is a ridiculous idea at all, really")]
    [InlineData("The villain is excess carbon dioxide in the atmosphere", "The hero is excess oxygen in the atmosphere today")]
    [InlineData("", "")]
    public void Different_statements_or_too_short_a_fragment_stay_apart(string a, string b) =>
        Assert.False(QuoteWords.SameStatement(QuoteWords.Of(a), QuoteWords.Of(b)));

    [Fact]
    public void A_quote_carried_by_three_articles_is_one_entry_with_three_sources_and_the_speaker_resolved_across_them()
    {
        var articles = new[]
        {
            new ArticleQuotes("a", 0, [Q("“We have no evidence of a second device,”", "McNulty", 10), Q("The roads are closed", "a police officer", 80)]),
            new ArticleQuotes("b", 1, [Q("\"We have no evidence of a second device\"", "Pentagon Spokesperson Commander Jessica McNulty", 200)]),
            new ArticleQuotes("c", 2, [Q("no evidence of a second device", "Jessica McNulty", 5), Q("It was a terrible day for the city", "Mayor Bill Smith", 40)]),
        };
        var speakers = new SpeakerResolver(articles.SelectMany(a => a.Quotes.Select(q => (a.ArticleId, q.Speaker!))));

        var merged = QuoteMerger.Merge(articles, speakers, max: 10);

        Assert.Equal(3, merged.Count);
        var top = merged[0];
        Assert.Equal(["a", "b", "c"], top.Sources.Select(s => s.ArticleId));
        Assert.Equal("Pentagon Spokesperson Commander Jessica McNulty", top.Speaker);
        Assert.Equal("“We have no evidence of a second device,”", top.Text); // the fullest wording, the first article's on a tie
        Assert.Equal(["McNulty", "Pentagon Spokesperson Commander Jessica McNulty", "Jessica McNulty"], top.Sources.Select(s => s.Speaker));
        Assert.Equal(200, top.Sources[1].Start);
    }

    [Fact]
    public void Ranked_by_sources_then_speaker_prominence_and_cut_to_max()
    {
        var articles = new[]
        {
            new ArticleQuotes("a", 0, [Q("First statement by the mayor of the city", "Bill Smith", 0), Q("A lone remark by someone who is quoted once", "Ann Lee", 50)]),
            new ArticleQuotes("b", 1, [Q("Second statement by the mayor of the city", "Smith", 0), Q("First statement by the mayor of the city", "Mayor Bill Smith", 30)]),
        };
        var speakers = new SpeakerResolver(articles.SelectMany(a => a.Quotes.Select(q => (a.ArticleId, q.Speaker!))));

        var merged = QuoteMerger.Merge(articles, speakers, max: 2);

        Assert.Equal(2, merged.Count);
        Assert.Equal("First statement by the mayor of the city", merged[0].Text);
        Assert.Equal(2, merged[0].Sources.Count);
        Assert.Equal("Second statement by the mayor of the city", merged[1].Text); // Smith is quoted more than Ann Lee
        Assert.Equal("Mayor Bill Smith", merged[1].Speaker);
    }

    [Fact]
    public void A_bare_surname_shared_by_two_people_goes_to_the_one_its_article_names()
    {
        var speakers = new SpeakerResolver([("a", "John Kerry"), ("a", "Kerry"), ("b", "Teresa Kerry"), ("b", "Kerry"), ("c", "Kerry")]);

        Assert.Equal("John Kerry", speakers.Display("a", "Kerry"));
        Assert.Equal("Teresa Kerry", speakers.Display("b", "Kerry"));
        Assert.Equal("Kerry", speakers.Display("c", "Kerry")); // ambiguous: left as written
        Assert.NotEqual(speakers.Key("a", "Kerry"), speakers.Key("b", "Kerry"));
    }

    [Fact]
    public void Speakers_that_name_no_person_are_one_only_when_written_alike()
    {
        var speakers = new SpeakerResolver([("a", "a spokeswoman"), ("b", "A spokeswoman"), ("c", "the company")]);

        Assert.Equal(speakers.Key("a", "a spokeswoman"), speakers.Key("b", "A spokeswoman"));
        Assert.NotEqual(speakers.Key("a", "a spokeswoman"), speakers.Key("c", "the company"));
        Assert.Null(speakers.Key("a", null));
    }

    private static KeyQuote Q(string text, string speaker, int start) => new(text, speaker, start, start + text.Length, Verified: true);
}
