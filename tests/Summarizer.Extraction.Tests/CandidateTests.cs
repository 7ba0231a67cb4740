using AngleSharp.Html.Parser;

namespace Summarizer.Extraction.Tests;

public class CandidateTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void A_declared_body_that_the_page_shows_is_a_candidate_in_paragraphs()
    {
        var body = string.Join("\n", Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree);
        var page = JsonLdCandidate.Collapse(string.Join(" ", Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree, Pages.ParagraphFour));

        Assert.Equal([Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree], JsonLdCandidate.Paragraphs(body, page, Parser));
    }

    [Fact]
    public void A_declared_body_the_page_does_not_show_is_no_candidate()
    {
        var body = string.Join("\n", Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree);

        Assert.Null(JsonLdCandidate.Paragraphs(body, "Subscribe to read this story. Menu Home News Sport", Parser));
    }

    [Fact]
    public void A_declared_body_as_short_as_a_summary_is_no_candidate()
    {
        Assert.Null(JsonLdCandidate.Paragraphs(Pages.ParagraphOne, Pages.ParagraphOne, Parser));
    }

    [Fact]
    public void The_page_markup_wins_when_it_holds_much_more_than_readability_picked()
    {
        var dom = Blocks(Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree, Pages.ParagraphFour);
        var readability = Blocks(Pages.ParagraphTwo);

        var (paragraphs, method) = CandidateChooser.Choose(dom, readability, null);

        Assert.Equal(ExtractionCandidates.DomRules, method);
        Assert.Equal(4, paragraphs.Count);
    }

    [Fact]
    public void Readability_wins_when_both_read_about_as_much_of_the_same_text()
    {
        var (_, method) = CandidateChooser.Choose(
            Blocks(Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree), Blocks(Pages.ParagraphTwo, Pages.ParagraphThree, Pages.ParagraphFour), null);

        Assert.Equal(ExtractionCandidates.Readability, method);
    }

    [Fact]
    public void The_page_markup_wins_when_the_two_read_different_parts_of_the_page()
    {
        var (paragraphs, method) = CandidateChooser.Choose(Blocks(Pages.ParagraphOne, Pages.ParagraphTwo), Blocks(Pages.ParagraphThree, Pages.ParagraphFour), null);

        Assert.Equal(ExtractionCandidates.DomRules, method);
        Assert.Equal([Pages.ParagraphOne, Pages.ParagraphTwo], paragraphs);
    }

    [Fact]
    public void Readability_wins_a_disagreement_when_it_found_far_more_text_or_the_markup_only_a_stub()
    {
        var many = Enumerable.Range(0, 8).Select(i => Pages.ParagraphThree + " " + i).ToArray();

        Assert.Equal(ExtractionCandidates.Readability, CandidateChooser.Choose(Blocks(Pages.ParagraphOne), Blocks(many), null).Method);
        Assert.Equal(ExtractionCandidates.Readability, CandidateChooser.Choose(Blocks("Share this story", "Related"), Blocks(Pages.ParagraphThree), null).Method);
    }

    [Fact]
    public void Shared_text_is_measured_by_paragraphs_found_in_the_other_candidate()
    {
        List<string> a = [Pages.ParagraphOne, Pages.ParagraphTwo];
        List<string> b = [Pages.ParagraphTwo, Pages.ParagraphThree];

        Assert.Equal((double)Pages.ParagraphTwo.Length / (Pages.ParagraphOne.Length + Pages.ParagraphTwo.Length), CandidateChooser.SharedShare(a, b), 6);
        Assert.False(CandidateChooser.Disjoint(a, b));
        Assert.True(CandidateChooser.Disjoint([Pages.ParagraphOne], [Pages.ParagraphFour]));
    }

    [Fact]
    public void With_a_declared_body_the_candidate_that_agrees_with_it_wins_and_the_body_itself_when_none_does()
    {
        var declared = new List<string> { Pages.ParagraphThree, Pages.ParagraphFour };

        Assert.Equal(ExtractionCandidates.DomRules, CandidateChooser.Choose(Blocks(Pages.ParagraphThree, Pages.ParagraphFour), Blocks(Pages.ParagraphOne), declared).Method);
        Assert.Equal(ExtractionCandidates.JsonLd, CandidateChooser.Choose(Blocks(Pages.ParagraphOne), Blocks("Home News Sport Weather"), declared).Method);
    }

    private static List<TextBlock> Blocks(params string[] paragraphs)
    {
        var body = Parser.ParseDocument("<html><body></body></html>").Body!;
        return paragraphs.Select(p => new TextBlock(p, 0, body, "p")).ToList();
    }
}
