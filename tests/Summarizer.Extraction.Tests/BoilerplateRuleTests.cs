namespace Summarizer.Extraction.Tests;

/// <summary>Each boilerplate rule on a page that has the article and that piece of chrome.</summary>
public class BoilerplateRuleTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static string Extract(string inArticle) =>
        Extractor.Extract(Pages.Article(Pages.FourParagraphs + inArticle), new Uri("https://news.example/story")).Text;

    [Theory]
    [InlineData("<div class=\"share-bar\"><a href=\"/fb\">Facebook</a> <a href=\"/tw\">Twitter</a> <a href=\"/mail\">E-Mail</a></div>", "Facebook")]
    [InlineData("<p>Share <a href=\"/fb\">Facebook</a> | Tweet | WhatsApp</p>", "WhatsApp")]
    [InlineData("<figure><img src=\"bus.jpg\"><figcaption>A new bus at the depot. Photo: City Press</figcaption></figure>", "at the depot")]
    [InlineData("<p>Photo: Jane Doe/Getty Images</p>", "Jane Doe")]
    [InlineData("<section id=\"comments\"><h3>3 Comments</h3><p>Great article, thanks for writing it, I agree with every word of it.</p></section>", "Great article")]
    [InlineData("<div class=\"post_related\"><h3>Read more</h3><ul><li><a href=\"/x\">Mayor opens a library</a></li></ul></div>", "Mayor opens")]
    [InlineData("<div class=\"newsletter-box\"><p>Get the best of the Example in your inbox every morning, free of charge.</p></div>", "inbox")]
    [InlineData("<p>Updated: 12.03.2024, 14:05</p>", "12.03.2024")]
    public void Chrome_inside_the_article_is_dropped_and_the_paragraphs_stay(string chrome, string chromeWord)
    {
        var text = Extract(chrome);

        Assert.DoesNotContain(chromeWord, text);
        Assert.Contains(Pages.ParagraphOne, text);
        Assert.Contains(Pages.ParagraphFour, text);
    }

    [Fact]
    public void Comment_heading_cuts_what_follows_it()
    {
        var text = Extract("<h2>Leave a reply</h2><p>Your email address will not be published, and the comments are moderated by the editors.</p>");

        Assert.DoesNotContain("Leave a reply", text);
        Assert.DoesNotContain("moderated", text);
    }

    [Fact]
    public void A_quoted_paragraph_full_of_short_words_is_kept()
    {
        const string quote = "\u201cShare it, print it, mail it,\u201d the mayor told reporters, holding up the new route map at the depot.";

        Assert.Contains(quote, Extract($"<p>{quote}</p>"));
    }

    private const string Lead = "Tens of thousands of riders pass through the northern depot every day, and from next spring six new routes will start there.";

    [Fact]
    public void A_teaser_of_plain_prose_is_the_articles_lead_and_stays()
    {
        var text = Extract($"<div class=\"teaser-text\"><p>{Lead}</p></div>");

        Assert.Contains(Lead, text);
    }

    [Fact]
    public void A_teaser_with_a_link_points_to_another_story_and_is_dropped()
    {
        var text = Extract("<div class=\"teaser\"><p>Road repairs will start in March across the whole city, the council said on Monday evening. <a href=\"/roads\">More</a></p></div>");

        Assert.DoesNotContain("Road repairs", text);
        Assert.Contains(Pages.ParagraphFour, text);
    }

    [Fact]
    public void An_element_the_page_marks_as_the_articles_description_is_not_boilerplate_by_its_class()
    {
        // Microdata survives in the page's own markup (Readability's output drops the attribute).
        var domRules = new ArticleExtractor(new ExtractionOptions { OnlyCandidate = ExtractionCandidates.DomRules });
        var html = Pages.Article(Pages.FourParagraphs + $"<div class=\"article-meta\" itemprop=\"description\"><p>{Lead}</p></div>");
        var text = domRules.Extract(html, new Uri("https://news.example/story")).Text;

        Assert.Contains(Lead, text);
    }

    [Fact]
    public void A_headings_id_is_an_anchor_not_a_role()
    {
        var text = Extract("<h3 id=\"nav_only_the_film_stays\">Only the film stays behind</h3><p>" + Pages.ParagraphOne.Replace("city", "town", StringComparison.Ordinal) + "</p>");

        Assert.Contains("Only the film stays behind", text);
    }

    [Fact]
    public void An_anchor_without_href_is_a_jump_target_not_a_link()
    {
        const string question = "One of the questions listeners ask most often these days is this one: what does the professor make of it?";

        Assert.Contains(question, Extract($"<p><a name=\"question\">{question}</a></p>"));
    }

    [Fact]
    public void A_link_inside_a_sentence_stays_whatever_its_class_says()
    {
        var text = Extract("<p>The mayor called the <a href=\"javascript:void(0)\" class=\"popup\">avocations</a> of the council a waste of the riders' time and money.</p>");

        Assert.Contains("the avocations of the council", text);
    }

    [Fact]
    public void Soft_hyphens_and_word_joiners_never_show()
    {
        var text = Extract("<p>In the Mit\u00ADtel\u00ADal\u00ADter the depot was a market\u2060place, and the council still owns most of the ground around it today.</p>");

        Assert.Contains("In the Mittelalter the depot was a marketplace,", text);
    }

    [Fact]
    public void Ruby_annotations_are_not_read_into_the_text()
    {
        var text = Extract("<p><ruby>\u5B50<rp>(</rp><rt>\u3053</rt><rp>)</rp></ruby>\u3069\u3082\u3078\u306E\u864C\u5F85\u3092\u306A\u304F\u3059\u305F\u3081\u306E\u6CD5\u5F8B\u304C\u3067\u304D\u307E\u3057\u305F\u3002</p>");

        Assert.Contains("\u5B50\u3069\u3082\u3078", text);
    }

    [Theory]
    [InlineData("share-bar", true)]
    [InlineData("post_comments", true)]
    [InlineData("entry-meta", true)]
    [InlineData("article-body", false)]
    [InlineData("header", false)]
    [InlineData("no-sidebar", false)]
    [InlineData("has-comments", false)]
    [InlineData("shadow", false)]
    [InlineData("teaser", false)]
    public void Class_names_are_read_by_their_parts(string name, bool boilerplate)
    {
        Assert.Equal(boilerplate, BoilerplateElements.IsBoilerplateName(name));
    }

    [Fact]
    public void A_boilerplate_name_on_the_container_of_most_of_the_page_does_not_drop_the_article()
    {
        var html = $"<html><body><div class=\"layout has-sidebar widget-area\"><div class=\"widget\">{Pages.FourParagraphs}</div></div></body></html>";

        Assert.Contains(Pages.ParagraphThree, Extractor.Extract(html).Text);
    }
}
