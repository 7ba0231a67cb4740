namespace Summarizer.Extraction.Tests;

/// <summary>Pages that hold no article are rejected with the reason, never passed on as text.</summary>
public class QualityGateTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void A_summary_and_a_read_more_link_is_a_teaser()
    {
        var result = Extractor.Extract(Pages.Article("<p>The council voted on Tuesday to expand the bus network to the northern suburbs.</p><p><a href=\"/full\">Read more</a></p>"));

        Assert.Equal(RejectionReasons.Teaser, result.Rejection?.Reason);
    }

    [Fact]
    public void The_start_of_a_subscriber_article_and_a_subscribe_prompt_is_a_paywall()
    {
        var result = Extractor.Extract(Pages.Article($"<p>{Pages.ParagraphOne}</p><div class=\"paywall\"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>"));

        Assert.Equal(RejectionReasons.Paywall, result.Rejection?.Reason);
    }

    [Fact]
    public void A_page_that_declares_itself_not_free_and_shows_a_few_lines_is_a_paywall()
    {
        const string ld = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council expands bus network","isAccessibleForFree":false}</script>""";

        var result = Extractor.Extract(Pages.Article($"<p>{Pages.ParagraphOne}</p>", ld));

        Assert.Equal(RejectionReasons.Paywall, result.Rejection?.Reason);
    }

    [Fact]
    public void A_consent_prompt_instead_of_the_article_is_a_cookie_wall()
    {
        var result = Extractor.Extract("<html><body><div class=\"cookie-banner\"><p>We use cookies and similar tracking to improve your experience. Accept all cookies to continue or manage your consent.</p><button>Accept</button></div></body></html>");

        Assert.Equal(RejectionReasons.CookieWall, result.Rejection?.Reason);
        Assert.False(string.IsNullOrEmpty(result.Rejection?.Detail));
    }

    [Fact]
    public void A_whole_article_beside_a_cookie_banner_is_no_cookie_wall()
    {
        var result = Extractor.Extract(Pages.Article(Pages.FourParagraphs).Replace("<main>", "<div id=\"cookie-notice\"><p>We use cookies. Accept?</p></div><main>", StringComparison.Ordinal));

        Assert.Null(result.Rejection);
    }
}
