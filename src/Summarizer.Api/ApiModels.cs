using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>Body of <c>POST /v1/digests</c> (JSON). A <c>text/plain</c> body is the text itself.</summary>
public sealed record DigestRequest
{
    /// <summary>The article as plain text. A leading <c>date YYYY-MM-DD</c> line is read as metadata.</summary>
    public string? Text { get; init; }

    /// <summary>The article as HTML (alternative to <see cref="Text"/>).</summary>
    public string? Html { get; init; }

    /// <summary>The article's web page (alternative to <see cref="Text"/> and <see cref="Html"/>): fetched, SSRF-checked, extracted.</summary>
    public string? Url { get; init; }

    public string? Title { get; init; }

    /// <summary><c>short</c> (3 sentences, default), <c>medium</c> (5) or <c>long</c> (8).</summary>
    public string? Length { get; init; }

    /// <summary>How many key quotes at most (0–50, default 5).</summary>
    public int? MaxQuotes { get; init; }

    /// <summary>A configured backend by name; default: the configured default.</summary>
    public string? Backend { get; init; }

    /// <summary><c>off</c> (default) or <c>strict</c>: leave the brief's flagged sentences out (<c>faithfulness.dropped</c> lists them).</summary>
    public string? Verify { get; init; }
}

/// <summary>Body of <c>POST /v1/articles</c> (JSON). A <c>text/plain</c> body is the text itself.</summary>
public sealed record ArticleRequest
{
    public string? Text { get; init; }

    public string? Html { get; init; }

    /// <summary>The article's web page (alternative to <see cref="Text"/> and <see cref="Html"/>).</summary>
    public string? Url { get; init; }

    public string? Title { get; init; }

    /// <summary>Where a <see cref="Text"/> or <see cref="Html"/> article came from (a fetched page's canonical URL wins for <see cref="Url"/>).</summary>
    public string? SourceUrl { get; init; }
}

/// <summary>What extraction read from the article's page; null for plain text.</summary>
public sealed record ArticleMetadataResponse(
    string? Byline, string? SiteName, string? Language, string? CanonicalUrl, string? Description, string? FetchedUrl, string? Method);

public sealed record BackendResponse(string Name, string? Model);

public sealed record KeyQuoteResponse(string Text, string? Speaker, int Start, int End, bool Verified);

/// <summary>
/// One part of an answer that did not come as asked (issue 11): <c>brief</c> or <c>keyQuotes</c>, why
/// (the fallback answered, or the backend failed a moment ago and was not called), and in a
/// collection the article it belongs to (none for the combined brief).
/// </summary>
public sealed record DegradedPartResponse(string Part, string Reason, string? ArticleId = null);

/// <summary>A brief and key-quote digest of one article; <c>degraded</c> is true when any of <c>degradedParts</c> is.</summary>
public sealed record DigestResponse(
    string ArticleId,
    string? Title,
    string? Date,
    string Length,
    string Brief,
    IReadOnlyList<string> Sentences,
    IReadOnlyList<KeyQuoteResponse> KeyQuotes,
    BackendResponse Backend,
    bool Cached,
    bool Degraded,
    string? DegradedReason,
    string? SourceUrl = null,
    ArticleMetadataResponse? Metadata = null,
    FaithfulnessResponse? Faithfulness = null,
    IReadOnlyList<DegradedPartResponse>? DegradedParts = null);

public sealed record BriefResponse(
    string ArticleId,
    string Length,
    string Brief,
    IReadOnlyList<string> Sentences,
    BackendResponse Backend,
    bool Cached,
    bool Degraded,
    string? DegradedReason,
    FaithfulnessResponse? Faithfulness = null);

/// <summary>A key-quote digest; <see cref="Backend"/> chose the quotes, and <see cref="Degraded"/> says a fallback did.</summary>
public sealed record QuotesResponse(
    string ArticleId, IReadOnlyList<KeyQuoteResponse> KeyQuotes, int TotalQuotes, bool Cached,
    BackendResponse? Backend = null, bool Degraded = false, string? DegradedReason = null);

public sealed record ArticleResponse(
    string Id,
    string? Title,
    string? Date,
    string? SourceUrl,
    int Characters,
    int Paragraphs,
    int Sentences,
    int Quotes,
    DateTimeOffset StoredAt,
    ArticleMetadataResponse? Metadata = null);

internal static class ApiMapping
{
    public static ArticleResponse ToResponse(this ArticleInfo i) =>
        new(i.Id, i.Title, i.Date, i.SourceUrl, i.Characters, i.Paragraphs, i.Sentences, i.Quotes, i.StoredAt, i.Metadata?.ToResponse());

    public static ArticleMetadataResponse ToResponse(this ArticleMetadata m) =>
        new(m.Byline, m.SiteName, m.Language, m.CanonicalUrl, m.Description, m.FetchedUrl, m.Method);

    public static KeyQuoteResponse ToResponse(this KeyQuote q) => new(q.Text, q.Speaker, q.Start, q.End, q.Verified);

    public static BackendResponse ToResponse(this BackendRef b) => new(b.Name, b.Model);

    /// <summary>The brief, without its flagged sentences when <paramref name="strict"/> (<c>verify=strict</c>).</summary>
    public static BriefResponse ToResponse(this Brief b, string id, BriefLength length, bool strict = false)
    {
        b = b.Verified(strict);
        return new(id, length.ToWireName(), b.Text, b.Sentences, b.Backend.ToResponse(), b.Cached, b.Degraded, b.DegradedReason, b.Faithfulness.ToResponse(strict));
    }
}
