using Summarizer.Eval.Quotes;

namespace Summarizer.Eval.Tests;

/// <summary>The strict judge's rules (docs/QUALITY.md), on made-up articles written for each rule.</summary>
public class StrictSpeakerJudgeTests
{
    private const string Family =
        "Former President Bill Clinton spoke in Flint on Monday for his wife Hillary Clinton. " +
        "\"It does not work,\" Clinton said. Later Hillary Clinton answered questions.";

    private static bool Judge(string article, string gold, string? predicted, string[]? annotated = null)
    {
        var names = new ArticleNames(article, annotated ?? [gold]);
        return StrictSpeakerJudge.Matches(gold, predicted, article.IndexOf("\"It", StringComparison.Ordinal) is var q and >= 0 ? q : 0, names);
    }

    [Theory]
    [InlineData("Clinton", "Bill Clinton", true)]
    [InlineData("Clinton", "Hillary Clinton", false)] // the wife named nearer to the quote is not the speaker the source span means
    [InlineData("Clinton", "Clinton", true)]
    [InlineData("Former President Bill Clinton", "Clinton", true)]
    public void A_bare_surname_is_the_person_the_annotated_sources_name(string gold, string predicted, bool expected) =>
        Assert.Equal(expected, Judge(Family, gold, predicted, ["Former President Bill Clinton", gold]));

    [Fact]
    public void With_no_annotated_full_name_the_person_written_out_most_often_wins()
    {
        const string article = "Sen. Ted Cruz endorsed Trump. Ted Cruz had refused. Trump attacked Heidi Cruz in March. \"It hurt,\" Cruz said.";
        Assert.True(Judge(article, "Cruz", "Ted Cruz"));
        Assert.False(Judge(article, "Cruz", "Heidi Cruz"));
    }

    [Fact]
    public void Among_people_written_out_equally_often_the_last_before_the_quote_wins()
    {
        const string article = "Jane Smith met voters. Later Tom Smith arrived. \"It went well,\" Smith said.";
        Assert.True(Judge(article, "Smith", "Tom Smith"));
        Assert.False(Judge(article, "Smith", "Jane Smith"));
    }

    [Theory]
    [InlineData("Mr. Podesta", "John Podesta", true)]
    [InlineData("John Podesta", "Mr. Podesta", true)]
    [InlineData("PODESTA", "John Podesta", true)]
    [InlineData("Mr. Podesta", "Podesta's aide", false)]
    public void Titles_honorifics_and_capitals_do_not_change_the_person(string gold, string predicted, bool expected) =>
        Assert.Equal(expected, Judge("Campaign chairman John Podesta wrote. \"It is fine,\" he said.", gold, predicted));

    [Theory]
    [InlineData("Secretary of State John F. Kerry", "John Kerry", true)]
    [InlineData("Virginia AFL-CIO President Doris Crouse-Mays", "Doris Crouse-Mays", true)]
    [InlineData("Republican vice-presidential nominee Gov. Mike Pence (R-IN)", "Mike Pence", true)]
    [InlineData("White House press secretary Josh Earnest", "Josh Earnest", true)]
    [InlineData("White House press secretary Josh Earnest", "White House", false)]
    [InlineData("Kenneth Baer, a former Obama administration official", "Kenneth Baer", true)]
    [InlineData("Quentin Kidd, a political scientist at Christopher Newport University", "Christopher Newport University", false)]
    [InlineData("Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News),", "Marcia Price", true)]
    [InlineData("Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News),", "Scott's niece", false)]
    [InlineData("a spokeswoman for the company, Jane Doe", "a spokeswoman", false)]
    [InlineData("a spokeswoman for the company, Jane Doe", "Jane Doe", true)]
    [InlineData("Robert C. \"Bobby\" Scott", "Bobby Scott", true)]
    [InlineData("The New York Post", "New York Post", true)]
    [InlineData("The New York Post", "The New York Times", false)]
    [InlineData("Donald Trump Jr.", "Donald Trump Jr", true)]
    public void The_name_inside_a_span_is_the_one_judged(string gold, string predicted, bool expected) =>
        Assert.Equal(expected, Judge("Nothing here names anyone.", gold, predicted));

    [Theory]
    [InlineData("a State Department spokesperson", "the State Department spokesperson", true)]
    [InlineData("a senior diplomat based in the Middle East", "a senior diplomat", true)]
    [InlineData("a senior diplomat based in the Middle East", "Middle East", false)]
    [InlineData("Obama's former campaign strategist", "a campaign strategist", true)]
    [InlineData("the Indiana governor", "Mike Pence", false)]
    [InlineData("one of the organizers, who asked not to be named", "an organizer", true)]
    [InlineData("the report", "Jane Doe, who wrote the report", false)]
    [InlineData("a spokeswoman", "Jane Doe, a spokeswoman for the firm", true)]
    public void A_description_is_judged_by_its_head_noun(string gold, string predicted, bool expected) =>
        Assert.Equal(expected, Judge("Nothing here names anyone.", gold, predicted));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("he")]
    public void No_speaker_or_an_unresolved_pronoun_is_never_right(string? predicted) =>
        Assert.False(Judge(Family, "Bill Clinton", predicted));

    [Fact]
    public void A_headline_and_a_sentence_opening_word_are_not_given_names()
    {
        const string article = "Injecting Clinton Into The Race Again\n\nHillary Clinton spoke. Injecting Clinton into it, Trump said \"It is over.\"";
        var names = new ArticleNames(article, []);
        Assert.Single(names.People("clinton"));
    }

    [Fact]
    public void The_tally_reports_strict_beside_lenient()
    {
        var tally = new QuoteTally();
        var names = new ArticleNames(Family, ["Former President Bill Clinton", "Clinton"]);
        var quote = Family.IndexOf("It does", StringComparison.Ordinal);
        tally.Add([new Data.GoldQuote("g", "a", "It does not work,", "Clinton", null, "full", quote, quote + 17)],
            [new PredictedQuote("It does not work,", "Hillary Clinton", quote, quote + 17)], names);
        Assert.Equal(1, tally.SpeakerCorrect); // the lenient judge matches surnames
        Assert.Equal(0, tally.StrictCorrect);
        Assert.Equal(1, tally.SharedSurnames);
    }
}
