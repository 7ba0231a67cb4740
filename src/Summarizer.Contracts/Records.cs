namespace Summarizer.Contracts;

/// <summary>What the API hands an article grain to store: text already normalised.</summary>
[GenerateSerializer, Immutable]
public sealed record ArticleContent(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Date,
    [property: Id(3)] string? SourceUrl,
    [property: Id(4)] ArticleMetadata? Metadata = null);

/// <summary>
/// What extraction read from an article's page (HTML body or fetched URL): byline, site, language,
/// canonical URL, description, the URL it was fetched from and the extraction method. Title and
/// published date are the article's own <c>Title</c>/<c>Date</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ArticleMetadata(
    [property: Id(0)] string? Byline,
    [property: Id(1)] string? SiteName,
    [property: Id(2)] string? Language,
    [property: Id(3)] string? CanonicalUrl,
    [property: Id(4)] string? Description,
    [property: Id(5)] string? FetchedUrl,
    [property: Id(6)] string? Method);

/// <summary>Metadata of a stored article.</summary>
[GenerateSerializer, Immutable]
public sealed record ArticleInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Date,
    [property: Id(3)] string? SourceUrl,
    [property: Id(4)] int Characters,
    [property: Id(5)] int Paragraphs,
    [property: Id(6)] int Sentences,
    [property: Id(7)] int Quotes,
    [property: Id(8)] DateTimeOffset StoredAt,
    [property: Id(9)] ArticleMetadata? Metadata = null);

/// <summary>Which backend (and model) produced an answer.</summary>
[GenerateSerializer, Immutable]
public sealed record BackendRef(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Model);

/// <summary>A request for a brief: length preset and, optionally, a backend by name (null: the configured default).</summary>
[GenerateSerializer, Immutable]
public sealed record BriefOptions(
    [property: Id(0)] BriefLength Length,
    [property: Id(1)] string? Backend);

/// <summary>A brief of an article, with its faithfulness receipt (null only before the receipt step ran).</summary>
[GenerateSerializer, Immutable]
public sealed record Brief(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<string> Sentences,
    [property: Id(2)] BackendRef Backend,
    [property: Id(3)] bool Cached,
    [property: Id(4)] bool Degraded,
    [property: Id(5)] string? DegradedReason,
    [property: Id(6)] Receipt? Faithfulness = null);

/// <summary>A verbatim quote with its speaker and offsets into the normalised text.</summary>
[GenerateSerializer, Immutable]
public sealed record KeyQuote(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Speaker,
    [property: Id(2)] int Start,
    [property: Id(3)] int End,
    [property: Id(4)] bool Verified);

/// <summary>The key-quote digest of an article, with the backend that chose the quotes (null: not recorded).</summary>
[GenerateSerializer, Immutable]
public sealed record QuoteDigest(
    [property: Id(0)] IReadOnlyList<KeyQuote> Quotes,
    [property: Id(1)] int TotalQuotes,
    [property: Id(2)] bool Cached,
    [property: Id(3)] BackendRef? Backend = null,
    [property: Id(4)] bool Degraded = false,
    [property: Id(5)] string? DegradedReason = null);
