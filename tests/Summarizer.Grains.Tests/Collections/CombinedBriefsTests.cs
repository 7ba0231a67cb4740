using Summarizer.Grains.Collections;

namespace Summarizer.Grains.Tests.Collections;

public sealed class CombinedBriefsTests
{
    private static readonly BriefSource[] Sources =
    [
        new("a", "Outlet A", ["The bridge over the river Tay was closed on Monday after engineers found cracks.", "Traffic was diverted through the town centre."],
            ["The bridge over the river Tay was closed on Monday after engineers found cracks.", "Traffic was diverted through the town centre.", "Shops reported fewer customers."]),
        new("b", "Outlet B", ["Engineers found cracks in the Tay bridge, which was closed on Monday.", "The council said repairs could take six months."],
            ["Engineers found cracks in the Tay bridge, which was closed on Monday.", "The council said repairs could take six months."]),
        new("c", "Outlet C", ["Cracks found by engineers closed the Tay bridge on Monday.", "A ferry service will run from next week."],
            ["Cracks found by engineers closed the Tay bridge on Monday.", "A ferry service will run from next week.", "Repairs could take six months, the council said."]),
    ];

    [Fact]
    public void A_fact_told_by_every_outlet_appears_once_first_with_every_outlet_as_its_source()
    {
        var brief = CombinedBriefs.Extractive(Sources, sentences: 3);

        Assert.Equal(3, brief.Count);
        Assert.Equal(["a", "b", "c"], brief[0].ArticleIds.Order());
        Assert.Single(brief, s => s.Text.Contains("cracks", StringComparison.OrdinalIgnoreCase) || s.Text.Contains("Cracks", StringComparison.Ordinal));
        var repairs = Assert.Single(brief, s => s.Text.Contains("six months", StringComparison.Ordinal));
        Assert.Equal(["b", "c"], repairs.ArticleIds.Order());
    }

    [Fact]
    public void A_model_brief_gets_the_articles_that_tell_each_sentence()
    {
        var attributed = CombinedBriefs.Attribute(Sources, ["Engineers closed the Tay bridge on Monday after finding cracks.", "Aliens landed in the river."]);

        Assert.Equal(["a", "b", "c"], attributed[0].ArticleIds.Order());
        Assert.Empty(attributed[1].ArticleIds);
    }

    [Fact]
    public void The_prompt_labels_each_source()
    {
        var text = CombinedBriefs.PromptText(Sources);

        Assert.Contains("[Source 1: Outlet A]", text, StringComparison.Ordinal);
        Assert.Contains("[Source 3: Outlet C]\nCracks found", text, StringComparison.Ordinal);
    }
}
