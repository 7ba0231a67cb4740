namespace Summarizer.Contracts;

/// <summary>
/// One article, keyed by its id (base32 SHA-256 of the normalised text). Holds the text and
/// metadata and caches every result per spec, so the same text asked twice anywhere in the
/// cluster is computed once.
/// </summary>
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>Stores the article (idempotent). Throws <see cref="ArgumentException"/> when the text does not hash to this grain's id.</summary>
    Task<ArticleInfo> StoreAsync(ArticleContent content, CancellationToken cancellationToken = default);

    /// <summary>Metadata, or null when no article with this id was stored.</summary>
    Task<ArticleInfo?> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>The brief for the options. Throws <see cref="ArticleNotFoundException"/> when not stored.</summary>
    Task<Brief> GetBriefAsync(BriefOptions options, CancellationToken cancellationToken = default);

    /// <summary>The key-quote digest, at most <paramref name="max"/> quotes, chosen by the default backend.</summary>
    Task<QuoteDigest> GetQuotesAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The key-quote digest chosen by a backend by name (null: the default) among the extracted quotes;
    /// only quotes found verbatim in the article are returned.
    /// </summary>
    Task<QuoteDigest> GetKeyQuotesAsync(int max, string? backend, CancellationToken cancellationToken = default);
}

/// <summary>
/// Summarises one piece of text (a whole short article, a chunk, or partial summaries to reduce)
/// with one backend. Keyed by text hash + spec; keeps its result, so concurrent and repeated
/// requests for the same work make one backend call.
/// </summary>
public interface ISummarizerGrain : IGrainWithStringKey
{
    Task<Brief> SummarizeAsync(SummarizeWork work, CancellationToken cancellationToken = default);
}

/// <summary>The work a summarizer grain does. <see cref="Text"/> must hash to the grain's text-hash key part.</summary>
[GenerateSerializer, Immutable]
public sealed record SummarizeWork(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Title,
    [property: Id(2)] BriefLength Length,
    [property: Id(3)] string Backend);
