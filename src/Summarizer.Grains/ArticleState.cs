using Summarizer.Contracts;

namespace Summarizer.Grains;

/// <summary>Persisted state of an article grain: the normalised text, metadata and cached briefs per spec.</summary>
[GenerateSerializer]
public sealed class ArticleState
{
    [Id(0)]
    public string? Text { get; set; }

    [Id(1)]
    public string? Title { get; set; }

    [Id(2)]
    public string? Date { get; set; }

    [Id(3)]
    public string? SourceUrl { get; set; }

    [Id(4)]
    public DateTimeOffset StoredAt { get; set; }

    /// <summary>Briefs by spec (length × backend × model × prompt version).</summary>
    [Id(5)]
    public Dictionary<string, Brief> Briefs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What extraction read from the article's page (null for plain text).</summary>
    [Id(6)]
    public ArticleMetadata? Metadata { get; set; }
}
