using CsCheck;

namespace Summarizer.Extraction.Tests;

/// <summary>Extraction never throws, whatever the page: random markup, and real-looking pages cut,
/// spliced and sprinkled with stray tags, entities, scripts and JSON-LD.</summary>
public class ExtractionPropertyTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static readonly string[] Fragments =
    [
        "<p>", "</p>", "<div class=\"share-bar\">", "<div class=\"article-body\">", "</div>", "<article>", "</article>",
        "<a href=\"/x\">", "</a>", "<br>", "<br/><br/>", "<figure><figcaption>", "</figcaption></figure>", "<h2>Comments</h2>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"", "\"}</script>", "<script>", "</script>",
        "&amp;", "&#x1F600;", "&#0;", "\u201c", "\u201d", "<!--", "-->", "<![CDATA[", "]]>", "<table><tr><td>", "</td></tr></table>",
        "<ul><li>", "</li></ul>", "<time datetime=\"2024-02-30\">", "</time>", "<meta property=\"og:title\" content=\"", "\">",
        "<nav>", "</nav>", "<form>", "</form>", "<blockquote>", "</blockquote>", "\0", "\uD800", " ", "\n\n", "Read more",
    ];

    private static readonly Gen<string> Html = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["<>/=\"' &;#!-abcdefhilmnoprstuvx\n"], 0, 400],
        Gen.Select(Gen.OneOf<string>(Fragments).Array[0, 60], Gen.String[Gen.Char.AlphaNumeric, 0, 30].Array[0, 60])
            .Select((tags, words) => string.Concat(tags.Zip(words, (t, w) => t + w + " "))));

    private static readonly Gen<string> MutatedPage =
        Gen.Select(Gen.Int[0, 2000], Gen.Int[0, 400], Gen.OneOf<string>(Fragments), Gen.Int[0, 4])
            .Select((at, cut, insert, kind) =>
            {
                var page = Pages.Article(Pages.FourParagraphs);
                var i = Math.Min(at, page.Length);
                var j = Math.Min(i + cut, page.Length);
                return kind switch
                {
                    0 => page[..i] + page[j..],
                    1 => page[..i] + insert + page[i..],
                    2 => page[..i],
                    3 => page[i..],
                    _ => page[..i] + insert + page[j..] + page[..i],
                };
            });

    [Fact]
    public void Arbitrary_markup_never_throws_and_a_passed_page_has_article_text() =>
        Html.Sample(html => Holds(Extractor.Extract(html)), iter: 500);

    [Fact]
    public void A_mutated_article_page_never_throws_and_a_passed_page_has_article_text() =>
        MutatedPage.Sample(html => Holds(Extractor.Extract(html, new Uri("https://news.example/story"))), iter: 500);

    private static bool Holds(ExtractionResult r) =>
        r.Text is not null && r.Metadata is not null && (r.Rejection is not null || QualityGate.LettersAndDigits(r.Text) >= new ExtractionOptions().MinArticleChars);
}
