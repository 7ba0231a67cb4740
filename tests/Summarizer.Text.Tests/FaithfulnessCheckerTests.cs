using Summarizer.Text.Faithfulness;

namespace Summarizer.Text.Tests;

/// <summary>Receipts of brief sentences against the seed article: verbatim, paraphrased, and with one fact changed.</summary>
public class FaithfulnessCheckerTests
{
    private static readonly ArticleDocument Seed = ArticleDocument.Parse(Seeds.Raw);
    private static readonly ArticleFacts Facts = ArticleFacts.Build(Seed);

    private static SentenceReceipt Check(string sentence) => FaithfulnessChecker.CheckSentence(Facts, sentence);

    private static IEnumerable<string> Kinds(SentenceReceipt r) => r.Issues.Select(i => i.Kind);

    [Fact]
    public void Extractive_brief_is_supported_sentence_by_sentence_by_its_exact_span()
    {
        var brief = ExtractiveSummarizer.Summarize(Seed, 3);
        var receipt = FaithfulnessChecker.Check(Facts, brief);

        Assert.Equal(brief.Count, receipt.Supported);
        Assert.Equal(0, receipt.Flagged);
        Assert.All(receipt.Sentences, s =>
        {
            Assert.Equal(1.0, s.Support);
            var source = Assert.Single(s.Sources);
            Assert.Equal(s.Text.Trim(), source.Slice(Seed.Text));
        });
    }

    [Fact]
    public void A_paraphrase_keeping_every_fact_is_supported_by_the_sentence_it_comes_from()
    {
        var r = Check("Al Arabiya reported that 4 militia fighters were killed in the raids.");

        Assert.False(r.Flagged, string.Join("; ", r.Issues.Select(i => i.Detail)));
        var source = Assert.Single(r.Sources);
        Assert.Contains("four militia fighters were killed", source.Slice(Seed.Text), StringComparison.Ordinal);
        Assert.True(r.Support >= FaithfulnessChecker.MinSupport);
    }

    [Fact]
    public void A_changed_number_is_flagged()
    {
        var r = Check("Al Arabiya reported that six militia fighters were killed in the raids.");

        Assert.Contains(IssueKinds.Number, Kinds(r));
        Assert.Contains(r.Issues, i => i.Detail.Contains("six", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_date_is_flagged()
    {
        var r = Check("Donald Trump ordered the assassination of Qassem Soleimani near Baghdad Airport in March 2020.");

        Assert.Contains(IssueKinds.Date, Kinds(r));
        Assert.DoesNotContain(IssueKinds.Entity, Kinds(r));
    }

    [Fact]
    public void A_name_the_sources_do_not_hold_is_flagged()
    {
        var r = Check("Jessica McNulty told reporters that the weekend raids were designed to limit the risk of escalation.");

        Assert.Contains(r.Issues, i => i.Kind == IssueKinds.Entity && i.Detail.Contains("Jessica McNulty", StringComparison.Ordinal));
    }

    [Fact]
    public void An_added_negation_is_flagged()
    {
        var r = Check("Jen Psaki told reporters that the weekend raids were not designed to limit the risk of escalation.");

        Assert.Equal([IssueKinds.Negation], Kinds(r));
    }

    [Fact]
    public void No_before_a_number_and_a_name_after_a_negation_are_no_negation_flip()
    {
        var article = ArticleFacts.Build(ArticleDocument.Parse(
            "Goalkeeper Igor Akinfeev, Russia's No 1, was hit by a flare in the opening minute. Madrid did not beat Atletico in the league, but they face Atletico in the quarter-final."));

        var numberSign = FaithfulnessChecker.CheckSentence(article, "Russia No 1 Igor Akinfeev was hit by a flare in the opening minute.");
        var name = FaithfulnessChecker.CheckSentence(article, "Madrid face Atletico in the quarter-final.");

        Assert.DoesNotContain(IssueKinds.Negation, Kinds(numberSign));
        Assert.DoesNotContain(IssueKinds.Negation, Kinds(name));
    }

    [Fact]
    public void A_dropped_negation_is_flagged()
    {
        var r = Check("After the latest round of negotiations, both the US and Iran have warned that they will engage in talks forever.");

        Assert.Contains(IssueKinds.Negation, Kinds(r));
    }

    [Fact]
    public void A_quote_that_is_not_verbatim_is_flagged()
    {
        var r = Check("Jessica McNulty said the strikes were “necessary and proportionate”.");

        Assert.Contains(IssueKinds.Quote, Kinds(r));
    }

    [Fact]
    public void A_verbatim_quote_with_other_typography_is_supported()
    {
        var r = Check("Jessica McNulty said the strikes were \"necessary, appropriate, and deliberate\".");

        Assert.DoesNotContain(IssueKinds.Quote, Kinds(r));
        Assert.DoesNotContain(IssueKinds.Speaker, Kinds(r));
    }

    [Fact]
    public void A_quote_given_to_someone_else_is_flagged()
    {
        var r = Check("“Necessary, appropriate, and deliberate,” Jen Psaki said of the strikes.");

        Assert.Contains(IssueKinds.Speaker, Kinds(r));
    }

    [Fact]
    public void A_sentence_about_something_else_is_unsupported()
    {
        var r = Check("The football club signed a goalkeeper from Brazil for the summer.");

        Assert.Contains(IssueKinds.Unsupported, Kinds(r));
        Assert.True(r.Support < FaithfulnessChecker.MinSupport);
    }

    [Fact]
    public void Receipt_counts_supported_and_flagged_sentences()
    {
        var brief = new[] { Seed.Sentences[0].Slice(Seed.Text), "Al Arabiya reported that six militia fighters were killed." };
        var receipt = FaithfulnessChecker.Check(Facts, brief);

        Assert.Equal((1, 1), (receipt.Supported, receipt.Flagged));
        Assert.False(receipt.Sentences[0].Flagged);
        Assert.True(receipt.Sentences[1].Flagged);
    }

    [Theory]
    [InlineData("The fund holds 3.5 million dollars.", "The fund holds $3,500,000.")]
    [InlineData("About 40 people came.", "Some 39.8 people came.")]
    [InlineData("It cost £1.3m.", "It cost £1,250,000.")]
    [InlineData("Twenty-five men were held.", "25 men were held.")]
    [InlineData("Prices rose 5 per cent.", "Prices rose 5%.")]
    [InlineData("He ran five miles.", "He ran a 5-mile race.")]
    public void Numbers_match_across_the_ways_they_are_written(string brief, string source)
    {
        var article = ArticleFacts.Build(ArticleDocument.Parse(source + "\n\nA second paragraph says nothing else."));
        var r = FaithfulnessChecker.CheckSentence(article, brief);

        Assert.DoesNotContain(IssueKinds.Number, Kinds(r));
    }

    [Theory]
    [InlineData("Prices rose 6 per cent.", "Prices rose 5%.")]
    [InlineData("He ran five kilometres.", "He ran five miles.")]
    [InlineData("It cost £2m.", "It cost £1,250,000.")]
    public void Different_numbers_or_units_do_not_match(string brief, string source)
    {
        var article = ArticleFacts.Build(ArticleDocument.Parse(source + "\n\nA second paragraph says nothing else."));
        var r = FaithfulnessChecker.CheckSentence(article, brief);

        Assert.Contains(IssueKinds.Number, Kinds(r));
    }
}
