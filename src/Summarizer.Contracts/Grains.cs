namespace Summarizer.Contracts;

/// <summary>
/// One article, keyed by its id (base32 SHA-256 of the normalised text). Holds the text and
/// metadata and caches every result per spec, so the same text asked twice anywhere in the
/// cluster is computed once.
/// </summary>
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>Stores the article (idempotent). Throws <see cref="ArgumentException"/> when the text does not hash to this grain's id.</summary>
    [Idempotent]
    Task<ArticleInfo> StoreAsync(ArticleContent content, CancellationToken cancellationToken = default);

    /// <summary>Metadata, or null when no article with this id was stored.</summary>
    [Idempotent]
    Task<ArticleInfo?> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>The normalised text every quote offset indexes (UTF-16 code units), or null when no article with this id was stored.</summary>
    [Idempotent]
    Task<string?> GetTextAsync(CancellationToken cancellationToken = default);

    /// <summary>The brief for the options. Throws <see cref="ArticleNotFoundException"/> when not stored.</summary>
    /// <remarks>
    /// A long article is several model round trips (map, reduce levels), each up to the backend's
    /// TimeoutSeconds: the call may outlast Orleans' default 30 s response timeout, so it has its own.
    /// </remarks>
    [Idempotent]
    [ResponseTimeout("00:15:00")]
    Task<Brief> GetBriefAsync(BriefOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// The brief as it is computed: progress (chunks mapped, reduce levels), then the final brief's
    /// tokens, then the result. Joins a computation already in flight for the same spec; when every
    /// caller waiting on a computation has gone, the computation is cancelled.
    /// </summary>
    IAsyncEnumerable<BriefEvent> StreamBriefAsync(BriefOptions options, CancellationToken cancellationToken = default);

    /// <summary>The key-quote digest, at most <paramref name="max"/> quotes, chosen by the default backend.</summary>
    [Idempotent]
    [ResponseTimeout("00:05:00")] // a model may choose the quotes; the backend's own timeouts end it sooner
    Task<QuoteDigest> GetQuotesAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The key-quote digest chosen by a backend by name (null: the default) among the extracted quotes;
    /// only quotes found verbatim in the article are returned.
    /// </summary>
    [Idempotent]
    [ResponseTimeout("00:05:00")]
    Task<QuoteDigest> GetKeyQuotesAsync(int max, string? backend, CancellationToken cancellationToken = default);
}

/// <summary>
/// Summarises one piece of text (a whole short article, a chunk, or partial summaries to reduce)
/// with one backend. Keyed by text hash + spec; keeps its result, so concurrent and repeated
/// requests for the same work make one backend call.
/// </summary>
public interface ISummarizerGrain : IGrainWithStringKey
{
    /// <remarks>One backend call (with its retries and fallback) may outlast Orleans' default 30 s response timeout.</remarks>
    [ResponseTimeout("00:05:00")]
    Task<Brief> SummarizeAsync(SummarizeWork work, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same work streamed: the answer's tokens as the backend produces them, then one piece
    /// carrying the <see cref="Brief"/>. A kept result comes back as the brief alone (no tokens).
    /// </summary>
    IAsyncEnumerable<SummaryPiece> StreamAsync(SummarizeWork work, CancellationToken cancellationToken = default);
}

/// <summary>A piece of a streamed summary: a token of the answer, or (last) the whole brief.</summary>
[GenerateSerializer, Immutable]
public sealed record SummaryPiece(
    [property: Id(0)] string? Token,
    [property: Id(1)] Brief? Brief);

/// <summary>The work a summarizer grain does. <see cref="Text"/> must hash to the grain's text-hash key part.</summary>
[GenerateSerializer, Immutable]
public sealed record SummarizeWork(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Title,
    [property: Id(2)] SummaryTarget Target,
    [property: Id(3)] string Backend);

/// <summary>
/// What a piece of work means: its kind, and how long its answer is. A brief, the final reduce of a
/// long brief and a collection's combined brief are asked for by length preset (<see cref="Preset"/>,
/// which picks the prompt); a chunk summary (map) and an intermediate reduce by a sentence count
/// alone. <see cref="Sentences"/> is always the count wanted: the preset's unless overridden (the
/// eval CLI's <c>--sentences</c>). Build one with the factories.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SummaryTarget(
    [property: Id(0)] WorkKind Kind,
    [property: Id(1)] BriefLength? Preset,
    [property: Id(2)] int Sentences)
{
    /// <summary>A whole article in one call, of the preset's length (or <paramref name="sentences"/> when above 0).</summary>
    public static SummaryTarget Brief(BriefLength preset, int sentences = 0) => new(WorkKind.Brief, preset, Count(preset, sentences));

    /// <summary>The last reduce of a long brief: the partial summaries become the brief of the preset's length.</summary>
    public static SummaryTarget FinalReduce(BriefLength preset, int sentences = 0) => new(WorkKind.Reduce, preset, Count(preset, sentences));

    /// <summary>One chunk of a long article, in <paramref name="sentences"/> sentences (any preset shares it).</summary>
    public static SummaryTarget Map(int sentences) => new(WorkKind.Map, null, Positive(sentences));

    /// <summary>An intermediate reduce: a group of partial summaries in <paramref name="sentences"/> sentences.</summary>
    public static SummaryTarget Reduce(int sentences) => new(WorkKind.Reduce, null, Positive(sentences));

    /// <summary>Several articles' briefs combined into one of the preset's length (a collection).</summary>
    public static SummaryTarget Combine(BriefLength preset) => new(WorkKind.Combine, preset, preset.Sentences());

    private static int Count(BriefLength preset, int sentences) => sentences > 0 ? sentences : preset.Sentences();

    private static int Positive(int sentences) =>
        sentences > 0 ? sentences : throw new ArgumentOutOfRangeException(nameof(sentences), sentences, "a sentence count must be positive");
}

/// <summary>What a summarizer grain (and the backend behind it) is asked to do with its text.</summary>
[GenerateSerializer]
public enum WorkKind
{
    /// <summary>Summarise a whole article that fits the backend in one pass.</summary>
    Brief = 0,

    /// <summary>Summarise one chunk of a long article (the map step).</summary>
    Map = 1,

    /// <summary>Combine partial summaries into one (the reduce step; the last one gives the brief).</summary>
    Reduce = 2,

    /// <summary>Combine the briefs of several articles about one story (a collection) into one, keeping sources' accounts apart.</summary>
    Combine = 3,
}

public static class WorkKinds
{
    /// <summary>The kind's name in spans and metrics: <c>brief</c>, <c>map</c>, <c>reduce</c> or <c>combine</c>.</summary>
    public static string ToWireName(this WorkKind kind) => kind switch
    {
        WorkKind.Brief => "brief",
        WorkKind.Map => "map",
        WorkKind.Reduce => "reduce",
        WorkKind.Combine => "combine",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
