namespace Summarizer.Text.Tests;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Slice(text))];

    [Fact]
    public void Does_not_break_after_titles()
    {
        Assert.Equal(["Mr. Smith met Sen. Jones and Gov. Brown on Monday.", "They talked."], Split("Mr. Smith met Sen. Jones and Gov. Brown on Monday. They talked."));
    }

    [Fact]
    public void Does_not_break_inside_dotted_acronyms_or_decimals()
    {
        Assert.Equal(["The U.S. economy grew 3.5 percent in the U.S.-led bloc.", "Officials were pleased."],
            Split("The U.S. economy grew 3.5 percent in the U.S.-led bloc. Officials were pleased."));
    }

    [Fact]
    public void Breaks_after_an_acronym_that_ends_a_sentence()
    {
        Assert.Equal(["He moved to the U.S.", "The next day he left."], Split("He moved to the U.S. The next day he left."));
    }

    [Fact]
    public void Does_not_break_after_initials()
    {
        Assert.Equal(["J. K. Rowling and George W. Bush spoke.", "Both left."], Split("J. K. Rowling and George W. Bush spoke. Both left."));
    }

    [Fact]
    public void Breaks_after_a_period_inside_closing_quotes()
    {
        Assert.Equal(["“We will win.”", "The crowd cheered.", "He said \"no.\"", "It ended."],
            Split("“We will win.” The crowd cheered. He said \"no.\" It ended."));
    }

    [Fact]
    public void Does_not_break_before_lower_case_after_an_abbreviation_like_word()
    {
        Assert.Equal(["It cost approx. ten dollars."], Split("It cost approx. ten dollars."));
    }

    [Fact]
    public void A_paragraph_break_always_ends_a_sentence()
    {
        Assert.Equal(["A headline without a stop", "The story starts here."], Split("A headline without a stop\n\nThe story starts here."));
    }

    [Fact]
    public void Spans_carry_no_surrounding_whitespace()
    {
        const string text = "  One.   Two!  ";
        Assert.All(SentenceSplitter.Split(text), s => Assert.Equal(s.Slice(text).Trim(), s.Slice(text)));
    }
}
