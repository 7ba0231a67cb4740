namespace Summarizer.Backends.Tests;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Every_kind_of_work_has_an_embedded_template_and_the_version_hashes_them()
    {
        Assert.Equal(["brief.long", "brief.medium", "brief.short", "combine", "map", "quotes", "reduce"], PromptTemplates.Embedded.Names.Order(StringComparer.Ordinal));
        Assert.Matches("^p-[0-9a-f]{12}$", PromptTemplates.Embedded.Version);
    }

    [Theory]
    [InlineData(SummaryTaskKind.Brief, 3, "brief.short")]
    [InlineData(SummaryTaskKind.Brief, 5, "brief.medium")]
    [InlineData(SummaryTaskKind.Brief, 8, "brief.long")]
    [InlineData(SummaryTaskKind.Map, 3, "map")]
    [InlineData(SummaryTaskKind.Reduce, 5, "reduce")]
    [InlineData(SummaryTaskKind.Combine, 3, "combine")]
    public void The_template_follows_the_kind_of_work_and_length(SummaryTaskKind kind, int sentences, string template)
    {
        Assert.Equal(template, PromptTemplates.NameFor(new SummaryRequest("text", null, sentences, kind)));
    }

    [Fact]
    public void Article_text_that_looks_like_a_placeholder_is_not_expanded()
    {
        var prompt = PromptTemplates.Embedded.Render("map", new Dictionary<string, string> { ["title"] = "T", ["text"] = "He typed {{$sentences}} literally.", ["sentences"] = "2" });

        Assert.Contains("He typed {{$sentences}} literally.", prompt.User, StringComparison.Ordinal);
        Assert.Contains("at most 2 sentences", prompt.System, StringComparison.Ordinal);
    }
}
