namespace Summarizer.Text.Tests;

public class ExtractiveSummarizerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Returns_the_requested_number_of_sentences_in_article_order(int count)
    {
        var doc = ArticleDocument.Parse(Seeds.Raw);
        var brief = ExtractiveSummarizer.Summarize(doc, count);
        Assert.Equal(count, brief.Count);
        var positions = brief.Select(s => doc.Text.IndexOf(s[..20], StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Skips_bylines_and_repeated_captions()
    {
        var doc = ArticleDocument.Parse(
            "By . Daily Mail Reporter .\n\nA rifle was stolen from a hotel parking lot in Salt Lake City on Monday night.\n\n" +
            "A rifle was stolen from a hotel parking lot in Salt Lake City on Monday.\n\nPolice believe the thief used a rope and a second car.\n\n" +
            "The agent had locked the case to a safe inside the truck.");
        var brief = ExtractiveSummarizer.Summarize(doc, 3);
        Assert.DoesNotContain(brief, s => s.StartsWith("By", StringComparison.Ordinal));
        Assert.Single(brief, s => s.StartsWith("A rifle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("An FBI agent's rifle (similar to the one pictured) was stolen.", "An FBI agent's rifle was stolen.")]
    [InlineData("LONDON (CNN) -- The queen spoke on Monday.", "The queen spoke on Monday.")]
    [InlineData("Prices rose 3% (from $2.10 in 2014) this year.", "Prices rose 3% (from $2.10 in 2014) this year.")]
    [InlineData("New Delhi, India (CNN)As the earth shook in Nepal, tremors were felt.", "As the earth shook in Nepal, tremors were felt.")]
    [InlineData("Washington (CNN)This week is the anniversary.", "This week is the anniversary.")]
    [InlineData("Officials in India(CNN)said the roads were closed.", "Officials in India said the roads were closed.")]
    [InlineData("He said the plan was to \"safely and responsibly (close) the prison\" by May.", "He said the plan was to \"safely and responsibly (close) the prison\" by May.")]
    [InlineData("She called it “a plan to (finally) act” on Monday (pictured).", "She called it “a plan to (finally) act” on Monday.")]
    public void Trims_datelines_and_short_parentheticals(string sentence, string trimmed) =>
        Assert.Equal(trimmed, ExtractiveSummarizer.Trim(sentence));

    [Fact]
    public void Short_articles_come_back_whole()
    {
        var doc = ArticleDocument.Parse("One thing happened today. Nothing else did.");
        Assert.Equal(2, ExtractiveSummarizer.Summarize(doc, 3).Count);
    }
}
