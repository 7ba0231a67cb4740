namespace Summarizer.Extraction.Tests;

public class ArticleExtractorTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void Keeps_the_article_paragraphs_and_drops_menus_related_links_and_footer()
    {
        var result = Extractor.Extract(Pages.Article(Pages.FourParagraphs), new Uri("https://news.example/story"));

        Assert.Null(result.Rejection);
        Assert.Equal(
            string.Join("\n\n", Pages.ParagraphOne, Pages.ParagraphTwo, Pages.ParagraphThree, Pages.ParagraphFour),
            result.Text);
        Assert.DoesNotContain("Related stories", result.Text);
        Assert.DoesNotContain("All rights reserved", result.Text);
        Assert.DoesNotContain("Sport", result.Text);
    }

    [Fact]
    public void A_paragraph_that_opens_with_a_quote_mark_is_kept()
    {
        var result = Extractor.Extract(Pages.Article(Pages.FourParagraphs));

        Assert.Contains(Pages.ParagraphTwo, result.Text);
    }

    [Fact]
    public void A_page_with_no_text_is_rejected_as_empty()
    {
        var result = Extractor.Extract("<html><head><title>x</title></head><body><div><img src='a.png'></div></body></html>");

        Assert.Equal(RejectionReasons.Empty, result.Rejection?.Reason);
        Assert.Equal("", result.Text);
    }

    [Fact]
    public void An_empty_string_is_rejected_not_thrown()
    {
        var result = Extractor.Extract("");

        Assert.Equal(RejectionReasons.Empty, result.Rejection?.Reason);
    }
}
