using Summarizer.Contracts;

namespace Summarizer.Backends.Tests;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Every_kind_of_work_has_an_embedded_template_and_the_version_hashes_them()
    {
        Assert.Equal(["brief.long", "brief.medium", "brief.short", "combine", "map", "quotes", "reduce"], PromptTemplates.Embedded.Names.Order(StringComparer.Ordinal));
        Assert.Matches("^p-[0-9a-f]{12}$", PromptTemplates.Embedded.Version);
    }

    public static TheoryData<SummaryTarget, string> Targets => new()
    {
        { SummaryTarget.Brief(BriefLength.Short), "brief.short" },
        { SummaryTarget.Brief(BriefLength.Medium), "brief.medium" },
        { SummaryTarget.Brief(BriefLength.Long), "brief.long" },
        // The preset picks the prompt; a sentence count (eval's --sentences) does not.
        { SummaryTarget.Brief(BriefLength.Short, sentences: 6), "brief.short" },
        { SummaryTarget.Brief(BriefLength.Long, sentences: 1), "brief.long" },
        { SummaryTarget.Map(3), "map" },
        { SummaryTarget.Reduce(5), "reduce" },
        { SummaryTarget.FinalReduce(BriefLength.Long), "reduce" },
        { SummaryTarget.Combine(BriefLength.Short), "combine" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_template_follows_the_kind_of_work_and_the_preset(SummaryTarget target, string template)
    {
        Assert.Equal(template, PromptTemplates.NameFor(target));
    }

    [Fact]
    public void A_preset_gives_its_sentence_count_unless_overridden_and_a_map_or_reduce_carries_its_own()
    {
        Assert.Equal((WorkKind.Brief, BriefLength.Medium, 5), Parts(SummaryTarget.Brief(BriefLength.Medium)));
        Assert.Equal((WorkKind.Brief, BriefLength.Short, 1), Parts(SummaryTarget.Brief(BriefLength.Short, sentences: 1)));
        Assert.Equal((WorkKind.Reduce, BriefLength.Long, 8), Parts(SummaryTarget.FinalReduce(BriefLength.Long)));
        Assert.Equal((WorkKind.Map, (BriefLength?)null, 4), Parts(SummaryTarget.Map(4)));
        Assert.Equal((WorkKind.Reduce, (BriefLength?)null, 6), Parts(SummaryTarget.Reduce(6)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SummaryTarget.Map(0));
        Assert.Throws<ArgumentException>(() => PromptTemplates.NameFor(new SummaryTarget(WorkKind.Brief, null, 3)));

        static (WorkKind, BriefLength?, int) Parts(SummaryTarget t) => (t.Kind, t.Preset, t.Sentences);
    }

    [Fact]
    public void Article_text_that_looks_like_a_placeholder_is_not_expanded()
    {
        var prompt = PromptTemplates.Embedded.Render("map", new Dictionary<string, string> { ["title"] = "T", ["text"] = "He typed {{$sentences}} literally.", ["sentences"] = "2" });

        Assert.Contains("He typed {{$sentences}} literally.", prompt.User, StringComparison.Ordinal);
        Assert.Contains("at most 2 sentences", prompt.System, StringComparison.Ordinal);
    }
}
