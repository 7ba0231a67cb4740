namespace Summarizer.Extraction;

/// <summary>What extraction found in a page: the article body as plain text, the page's metadata,
/// and, when the page holds no article worth summarising, why not.</summary>
/// <param name="Text">Article body; paragraphs separated by "\n\n"; no markup.</param>
/// <param name="Metadata">Title, byline, date and the other page facts.</param>
/// <param name="Rejection">Non-null: do not summarise (the API answers 422 <c>no-article</c>).</param>
/// <param name="Method">Which candidate won: "json-ld", "readability", "dom-rules", or "none".</param>
public sealed record ExtractionResult(
    string Text,
    PageMetadata Metadata,
    ExtractionRejection? Rejection,
    string Method);

/// <summary>Facts a page declares about itself. <see cref="Published"/> is yyyy-MM-dd when known.</summary>
public sealed record PageMetadata(
    string? Title,
    string? Byline,
    string? Published,
    string? SiteName,
    string? Language,
    string? CanonicalUrl,
    string? Description)
{
    public static PageMetadata Empty { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>Why a page is not an article to summarise.</summary>
/// <param name="Reason">"empty" | "teaser" | "paywall" | "cookie-wall".</param>
/// <param name="Detail">A sentence for the client saying what was found.</param>
public sealed record ExtractionRejection(string Reason, string Detail);
