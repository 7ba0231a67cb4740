namespace Summarizer.Text.Tests;

public class ArticleIdTests
{
    [Fact]
    public void Same_text_gives_the_same_id_whatever_the_line_endings_and_spacing()
    {
        var a = ArticleDocument.Parse("One sentence.\n\nTwo sentences.");
        var b = ArticleDocument.Parse("One  sentence.\r\n\r\n\r\nTwo sentences.\r\n");
        Assert.Equal(ArticleId.Compute(a.Text), ArticleId.Compute(b.Text));
    }

    [Fact]
    public void Different_text_gives_a_different_id() =>
        Assert.NotEqual(ArticleId.Compute("a"), ArticleId.Compute("b"));

    [Fact]
    public void Id_is_52_lower_case_base32_characters_of_sha256()
    {
        var id = ArticleId.Compute(string.Empty);
        Assert.True(ArticleId.IsWellFormed(id));
        // SHA-256("") = e3b0c442...; base32 (RFC 4648, lower case, no padding) of it starts "4oymiquy".
        Assert.StartsWith("4oymiquy", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_id_is_stable()
    {
        var first = ArticleId.Compute(ArticleDocument.Parse(Seeds.Raw).Text);
        var second = ArticleId.Compute(ArticleDocument.Parse(Seeds.Raw.Replace("\n", "\r\n", StringComparison.Ordinal)).Text);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void Rejects_malformed_ids(string? id) => Assert.False(ArticleId.IsWellFormed(id));
}
