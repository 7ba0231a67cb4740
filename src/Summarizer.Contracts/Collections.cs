namespace Summarizer.Contracts;

/// <summary>
/// A collection of articles about one story, keyed by its id (base32 SHA-256 of the sorted member
/// keys and the spec), so the same set with the same options is one collection from any silo.
/// Immutable once created: its digest (per-article briefs, a combined brief, key quotes merged
/// across articles, a timeline) is computed once and kept.
/// </summary>
public interface ICollectionGrain : IGrainWithStringKey
{
    /// <summary>Creates the collection (idempotent: the same definition again is a no-op). Throws <see cref="ArgumentException"/> when the definition does not hash to this grain's id.</summary>
    [Idempotent]
    Task<CollectionDefinition> CreateAsync(CollectionDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>The definition, or null when no collection with this id was created.</summary>
    [Idempotent]
    Task<CollectionDefinition?> GetDefinitionAsync(CancellationToken cancellationToken = default);

    /// <summary>The digest, computed on first use (every article's brief and key quotes, in parallel across the cluster). Throws <see cref="CollectionNotFoundException"/>.</summary>
    [Idempotent]
    [ResponseTimeout("00:15:00")]
    Task<CollectionDigest> GetDigestAsync(CancellationToken cancellationToken = default);

    /// <summary>The digest as it is computed: progress (articles done of total, then the combine step), then the result.</summary>
    IAsyncEnumerable<CollectionEvent> StreamDigestAsync(CancellationToken cancellationToken = default);
}

/// <summary>The options every article of a collection is summarised with.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectionSpec(
    [property: Id(0)] BriefLength Length,
    [property: Id(1)] int MaxQuotes,
    [property: Id(2)] string? Backend)
{
    /// <summary>What the collection id is computed over (with the member keys).</summary>
    public string Key => $"{Length.ToWireName()}|{MaxQuotes}|{Backend?.ToUpperInvariant()}";
}

/// <summary>
/// One member of a collection: a stored article (<see cref="ArticleId"/>), or the problem that kept
/// it out (<see cref="Problem"/>: a fetch error, no article, not found). <see cref="Input"/> names
/// what the client sent (the URL, or <c>text</c>/<c>html</c>/<c>id</c>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CollectionMember(
    [property: Id(0)] string? ArticleId,
    [property: Id(1)] MemberProblem? Problem,
    [property: Id(2)] string Input)
{
    /// <summary>What the collection id is computed over: the article id, or the failed input.</summary>
    public string Key => ArticleId ?? "failed:" + Input + ":" + Problem?.Type;
}

/// <summary>An RFC 9457 problem that kept one member out of the collection.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberProblem(
    [property: Id(0)] int Status,
    [property: Id(1)] string Type, // the problem type's slug (the API prefixes its type base)
    [property: Id(2)] string Title,
    [property: Id(3)] string? Detail);

/// <summary>What a collection is: its spec and its members, sorted by <see cref="CollectionMember.Key"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectionDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] CollectionSpec Spec,
    [property: Id(2)] IReadOnlyList<CollectionMember> Members);

/// <summary>One article of a collection digest: its metadata and brief, or the problem in its place.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectionArticle(
    [property: Id(0)] string Input,
    [property: Id(1)] string? ArticleId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? SourceUrl,
    [property: Id(4)] string? Site,
    [property: Id(5)] string? Date,
    [property: Id(6)] Brief? Brief,
    [property: Id(7)] int Quotes,
    [property: Id(8)] MemberProblem? Problem,
    [property: Id(9)] string? QuotesDegradedReason = null);

/// <summary>A sentence of the combined brief and the articles it came from (the one it was taken from first).</summary>
[GenerateSerializer, Immutable]
public sealed record CombinedSentence(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<string> ArticleIds);

/// <summary>The brief over all the articles of a collection; its receipt's sources name their article.</summary>
[GenerateSerializer, Immutable]
public sealed record CombinedBrief(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<CombinedSentence> Sentences,
    [property: Id(2)] BackendRef Backend,
    [property: Id(3)] bool Degraded,
    [property: Id(4)] string? DegradedReason,
    [property: Id(5)] Receipt? Faithfulness = null);

/// <summary>Where one article carries a merged quote: its own wording, offsets into that article's normalised text, and speaker.</summary>
[GenerateSerializer, Immutable]
public sealed record QuoteSource(
    [property: Id(0)] string ArticleId,
    [property: Id(1)] string Text,
    [property: Id(2)] int Start,
    [property: Id(3)] int End,
    [property: Id(4)] bool Verified,
    [property: Id(5)] string? Speaker);

/// <summary>One statement, however many articles printed it: the fullest wording, the speaker resolved across articles, every source.</summary>
[GenerateSerializer, Immutable]
public sealed record MergedQuote(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Speaker,
    [property: Id(2)] IReadOnlyList<QuoteSource> Sources);

/// <summary>An article on the collection's timeline (articles with a date first, oldest first).</summary>
[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] string? Date,
    [property: Id(1)] string ArticleId,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Site);

/// <summary>The digest of a collection.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectionDigest(
    [property: Id(0)] string Id,
    [property: Id(1)] CollectionSpec Spec,
    [property: Id(2)] IReadOnlyList<CollectionArticle> Articles,
    [property: Id(3)] CombinedBrief? Brief,
    [property: Id(4)] IReadOnlyList<MergedQuote> KeyQuotes,
    [property: Id(5)] IReadOnlyList<TimelineEntry> Timeline,
    [property: Id(6)] bool Cached)
{
    /// <summary>True when any part (an article's brief or key quotes, the combined brief) came from a fallback.</summary>
    public bool Degraded => (Brief?.Degraded ?? false) || Articles.Any(a => (a.Brief?.Degraded ?? false) || a.QuotesDegradedReason is not null);
}

/// <summary>What a <see cref="CollectionEvent"/> reports.</summary>
[GenerateSerializer]
public enum CollectionEventKind
{
    /// <summary>Articles done of total (<see cref="CollectionEvent.Stage"/> <c>articles</c>), or the combine step started (<c>combine</c>).</summary>
    Progress = 0,

    /// <summary>The digest; the last event.</summary>
    Result = 1,
}

/// <summary>One event of a collection digest being computed.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectionEvent(
    [property: Id(0)] CollectionEventKind Kind,
    [property: Id(1)] string? Stage = null,
    [property: Id(2)] int Done = 0,
    [property: Id(3)] int Total = 0,
    [property: Id(4)] CollectionDigest? Digest = null)
{
    public static CollectionEvent Progress(string stage, int done, int total) => new(CollectionEventKind.Progress, stage, done, total);

    public static CollectionEvent Result(CollectionDigest digest) => new(CollectionEventKind.Result, Digest: digest);
}
