namespace Summarizer.Text.Tests;

public class NormalizationTests
{
    [Fact]
    public void Lifts_the_leading_date_line_into_metadata()
    {
        var doc = ArticleDocument.Parse(" date 2021-06-29 The US airstrikes were a warning.\n\nMore text.");
        Assert.Equal("2021-06-29", doc.Date);
        Assert.StartsWith("The US airstrikes", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_date_stays_in_the_text()
    {
        var doc = ArticleDocument.Parse("date 2021-13-45 Something happened.");
        Assert.Null(doc.Date);
        Assert.StartsWith("date", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalises_line_endings_spaces_and_blank_lines()
    {
        var doc = ArticleDocument.Parse("First  line.\r\n\r\n\r\n\tSecond\u00A0line.  \r\n");
        Assert.Equal("First line.\n\nSecond line.", doc.Text);
        Assert.Equal(2, doc.Paragraphs.Count);
    }

    [Fact]
    public void Keeps_quote_marks_as_written() =>
        Assert.Equal("“Yes,” he said. \"No.\"", ArticleDocument.Parse("“Yes,” he said. \"No.\"").Text);

    [Fact]
    public void Seed_parses_with_its_date_and_sentences()
    {
        var doc = ArticleDocument.Parse(Seeds.Raw);
        Assert.Equal("2021-06-29", doc.Date);
        Assert.True(doc.Sentences.Count > 20);
        Assert.DoesNotContain("date 2021", doc.Text, StringComparison.Ordinal);
    }
}
