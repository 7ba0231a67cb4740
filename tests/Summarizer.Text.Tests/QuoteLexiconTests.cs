using Summarizer.Text.Lexicon;

namespace Summarizer.Text.Tests;

public class QuoteLexiconTests
{
    [Fact]
    public void Sections_hold_the_words_after_their_header_without_comments_or_duplicates()
    {
        var sections = QuoteLexicon.Parse("# top comment\n[verbs]\nsaid says # inline\nsaid\n\n[empty]\n[titles]\nMr Mrs\n");
        Assert.Equal(["said", "says"], sections["verbs"]);
        Assert.Empty(sections["empty"]);
        Assert.Equal(["Mr", "Mrs"], sections["titles"]);
    }

    [Fact]
    public void The_embedded_lexicon_has_every_list_the_rules_read()
    {
        Assert.Contains("said", (IReadOnlySet<string>)QuoteLexicon.ReportingVerbs);
        Assert.Contains("tweets", (IReadOnlySet<string>)QuoteLexicon.CueNouns);
        Assert.Contains("said", (IReadOnlySet<string>)QuoteLexicon.InvertibleCues);
        Assert.Contains("She", (IReadOnlySet<string>)QuoteLexicon.Pronouns);
        Assert.Contains("Sen", (IReadOnlySet<string>)QuoteLexicon.TitleAbbreviations);
        Assert.Contains("However", (IReadOnlySet<string>)QuoteLexicon.FunctionWords);
        Assert.All(QuoteLexicon.InvertibleCues, cue => Assert.True(QuoteLexicon.ReportingVerbs.Contains(cue), cue));
    }

    [Fact]
    public void A_missing_section_is_an_error_that_names_it() =>
        Assert.Contains("[no-such-list]", Assert.Throws<InvalidOperationException>(() => QuoteLexicon.Words("no-such-list")).Message);
}
