using Summarizer.Contracts;

namespace Summarizer.Grains.Collections;

/// <summary>
/// The port a <see cref="CollectionDigester"/> reads its articles through: in the cluster each
/// article's own grain (so each brief is that article's cached one), in a test a fake.
/// </summary>
public interface ICollectionArticles
{
    Task<ArticleInfo?> InfoAsync(string articleId, CancellationToken cancellationToken);

    Task<string?> TextAsync(string articleId, CancellationToken cancellationToken);

    Task<Brief> BriefAsync(string articleId, BriefOptions options, CancellationToken cancellationToken);

    Task<QuoteDigest> QuotesAsync(string articleId, int max, string? backend, CancellationToken cancellationToken);

    /// <summary>
    /// The combined brief a model writes from the labelled per-article briefs, or null when the
    /// backend is the extractive ranker (the digester then picks sentences across the briefs itself).
    /// </summary>
    Task<Brief?> CombineAsync(string briefs, BriefLength length, string? backend, CancellationToken cancellationToken);
}
