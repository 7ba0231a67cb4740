using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>The <c>degradedParts</c> of a response: every part that did not come from the backend asked for, and why.</summary>
internal static class DegradedParts
{
    private const string Unexplained = "answered by a fallback";

    public static List<DegradedPartResponse> Of(Brief brief, QuoteDigest quotes)
    {
        var parts = new List<DegradedPartResponse>();
        if (brief.Degraded)
        {
            parts.Add(new DegradedPartResponse(AnswerParts.Brief, brief.DegradedReason ?? Unexplained));
        }

        if (quotes.Degraded)
        {
            parts.Add(new DegradedPartResponse(AnswerParts.KeyQuotes, quotes.DegradedReason ?? Unexplained));
        }

        return parts;
    }

    /// <summary>A collection's: the combined brief (no article id), then each article's brief and key quotes.</summary>
    public static List<DegradedPartResponse> Of(CollectionDigest digest)
    {
        var parts = new List<DegradedPartResponse>();
        if (digest.Brief is { Degraded: true } combined)
        {
            parts.Add(new DegradedPartResponse(AnswerParts.Brief, combined.DegradedReason ?? Unexplained));
        }

        foreach (var article in digest.Articles)
        {
            if (article.Brief is { Degraded: true } brief)
            {
                parts.Add(new DegradedPartResponse(AnswerParts.Brief, brief.DegradedReason ?? Unexplained, article.ArticleId));
            }

            if (article.QuotesDegradedReason is { } reason)
            {
                parts.Add(new DegradedPartResponse(AnswerParts.KeyQuotes, reason, article.ArticleId));
            }
        }

        return parts;
    }
}
