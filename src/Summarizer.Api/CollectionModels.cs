using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>Body of <c>POST /v1/collections</c>.</summary>
public sealed record CollectionRequest
{
    /// <summary>The articles: each exactly one of <c>id</c> (a stored article), <c>text</c>, <c>html</c> or <c>url</c>. At most Summarizer:Api:MaxCollectionArticles (50).</summary>
    public IReadOnlyList<CollectionItemRequest?>? Articles { get; init; }

    /// <summary><c>short</c> (default), <c>medium</c> or <c>long</c>: for every article's brief and the combined brief.</summary>
    public string? Length { get; init; }

    /// <summary>Key quotes of the collection at most (0–50, default 5); also each article's.</summary>
    public int? MaxQuotes { get; init; }

    /// <summary>A configured backend by name; default: the configured default.</summary>
    public string? Backend { get; init; }
}

/// <summary>One article of a <see cref="CollectionRequest"/>.</summary>
public sealed record CollectionItemRequest
{
    /// <summary>The id of an article already stored.</summary>
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    /// <summary>Where a <c>text</c> or <c>html</c> article came from.</summary>
    public string? SourceUrl { get; init; }
}

/// <summary>An RFC 9457 problem in place of one article of a collection.</summary>
public sealed record MemberProblemResponse(string Type, string Title, int Status, string? Detail);

/// <summary>One member of a new collection: the stored article's id, or the problem that kept it out.</summary>
public sealed record CollectionMemberResponse(string Input, string? ArticleId, MemberProblemResponse? Problem);

/// <summary>What <c>POST /v1/collections</c> answers: the collection's id (also in <c>Location</c>) and its members.</summary>
public sealed record CollectionCreatedResponse(string Id, string Length, int MaxQuotes, string? Backend, IReadOnlyList<CollectionMemberResponse> Articles);

public sealed record CollectionArticleResponse(
    string Input, string? ArticleId, string? Title, string? SourceUrl, string? Site, string? Date,
    BriefResponse? Brief, int KeyQuotes, MemberProblemResponse? Problem);

public sealed record CombinedSentenceResponse(string Text, IReadOnlyList<string> ArticleIds);

public sealed record CombinedBriefResponse(
    string Text, IReadOnlyList<CombinedSentenceResponse> Sentences, BackendResponse Backend, bool Degraded, string? DegradedReason,
    FaithfulnessResponse? Faithfulness = null);

public sealed record QuoteSourceResponse(string ArticleId, string Text, int Start, int End, bool Verified, string? Speaker);

public sealed record MergedQuoteResponse(string Text, string? Speaker, IReadOnlyList<QuoteSourceResponse> Sources);

public sealed record TimelineEntryResponse(string? Date, string ArticleId, string? Title, string? Site);

/// <summary>The digest of a collection: per-article briefs, the combined brief, key quotes merged across articles, the timeline.</summary>
public sealed record CollectionResponse(
    string Id, string Length, int MaxQuotes, string? Backend,
    IReadOnlyList<CollectionArticleResponse> Articles,
    CombinedBriefResponse? Brief,
    IReadOnlyList<MergedQuoteResponse> KeyQuotes,
    IReadOnlyList<TimelineEntryResponse> Timeline,
    bool Cached,
    bool Degraded,
    IReadOnlyList<DegradedPartResponse>? DegradedParts = null);

/// <summary>Payload of a collection stream's <c>progress</c> event: <c>articles</c> done of total, then <c>combine</c>.</summary>
public sealed record CollectionProgressEvent(string Stage, int Done, int Total);

internal static class CollectionMapping
{
    public static MemberProblemResponse ToResponse(this MemberProblem p) => new(Problems.TypeBase + p.Type, p.Title, p.Status, p.Detail);

    public static CollectionCreatedResponse ToResponse(this CollectionDefinition d) =>
        new(d.Id, d.Spec.Length.ToWireName(), d.Spec.MaxQuotes, d.Spec.Backend,
            [.. d.Members.Select(m => new CollectionMemberResponse(m.Input, m.ArticleId, m.Problem?.ToResponse()))]);

    /// <summary>The digest; with <paramref name="strict"/> (<c>verify=strict</c>) every brief leaves its flagged sentences out.</summary>
    public static CollectionResponse ToResponse(this CollectionDigest d, bool strict = false) =>
        new(d.Id, d.Spec.Length.ToWireName(), d.Spec.MaxQuotes, d.Spec.Backend,
            [.. d.Articles.Select(a => new CollectionArticleResponse(a.Input, a.ArticleId, a.Title, a.SourceUrl, a.Site, a.Date,
                a.Brief is null || a.ArticleId is null ? null : a.Brief.ToResponse(a.ArticleId, d.Spec.Length, strict), a.Quotes, a.Problem?.ToResponse()))],
            d.Brief is { } combined && (strict ? combined.WithoutFlagged() : combined) is var b
                ? new CombinedBriefResponse(b.Text, [.. b.Sentences.Select(s => new CombinedSentenceResponse(s.Text, s.ArticleIds))], b.Backend.ToResponse(), b.Degraded, b.DegradedReason,
                    b.Faithfulness.ToResponse(strict))
                : null,
            [.. d.KeyQuotes.Select(q => new MergedQuoteResponse(q.Text, q.Speaker,
                [.. q.Sources.Select(s => new QuoteSourceResponse(s.ArticleId, s.Text, s.Start, s.End, s.Verified, s.Speaker))]))],
            [.. d.Timeline.Select(t => new TimelineEntryResponse(t.Date, t.ArticleId, t.Title, t.Site))],
            d.Cached, d.Degraded, DegradedParts.Of(d));
}
