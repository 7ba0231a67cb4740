namespace Summarizer.Contracts;

/// <summary>
/// Span attribute names every host uses for the <c>Summarizer</c> activity source and the spans it
/// tags (HTTP, grain calls), so a trace viewer can filter one article, spec, backend or chunk.
/// </summary>
public static class TelemetryTags
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string SourceName = "Summarizer";

    public const string ArticleId = "summarizer.article_id";

    /// <summary>The cache spec of a brief (length × backend × model × prompt version) or a summarizer grain's key.</summary>
    public const string Spec = "summarizer.spec";

    public const string Backend = "summarizer.backend";

    /// <summary>Index of the chunk a map step summarises (0-based, in article order).</summary>
    public const string ChunkIndex = "summarizer.chunk_index";

    public const string Chunks = "summarizer.chunks";

    /// <summary>map, reduce or brief.</summary>
    public const string WorkKind = "summarizer.work_kind";

    /// <summary>Reduce level (1 = the first reduce over the map outputs).</summary>
    public const string ReduceLevel = "summarizer.reduce_level";

    public const string Cached = "summarizer.cached";
}
