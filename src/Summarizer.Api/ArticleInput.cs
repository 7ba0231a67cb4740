using Microsoft.AspNetCore.Http.HttpResults;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Api;

/// <summary>Turns what a client sent (text or HTML) into normalised article content, or the problem with it.</summary>
internal static class ArticleInput
{
    public static (ArticleContent? Content, ProblemHttpResult? Problem) From(string? text, string? html, string? title, string? sourceUrl)
    {
        if (!string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(html))
        {
            return (null, Problems.Malformed("Send either text or html, not both.", "text"));
        }

        string? htmlTitle = null;
        if (!string.IsNullOrEmpty(html))
        {
            (text, htmlTitle) = HtmlText.ToPlainText(html);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Problems.Malformed("The article text is empty: send it as 'text' (or 'html').", "text"));
        }

        var document = ArticleDocument.Parse(text, string.IsNullOrWhiteSpace(title) ? htmlTitle : title.Trim());
        if (!document.HasSentences)
        {
            return (null, Problems.NoArticleText("The text holds no sentences (no letters or digits) to summarise."));
        }

        return (new ArticleContent(document.Text, document.Title, document.Date, sourceUrl), null);
    }
}
