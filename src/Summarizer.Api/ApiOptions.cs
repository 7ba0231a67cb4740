namespace Summarizer.Api;

/// <summary>Configuration section <c>Summarizer:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Summarizer:Api";

    /// <summary>Largest request body accepted, in bytes (default 2 MB); larger → 413 before it is read whole.</summary>
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Longest title a request may give, in UTF-16 characters (default 512); longer → 400 <c>invalid-parameter</c>.</summary>
    public int MaxTitleChars { get; set; } = 512;

    /// <summary>Key quotes returned when a request does not say (default 5).</summary>
    public int DefaultMaxQuotes { get; set; } = 5;

    /// <summary>Largest <c>max</c>/<c>maxQuotes</c> a request may ask for.</summary>
    public int MaxQuotesLimit { get; set; } = 50;

    /// <summary>Most articles one collection may hold (default 50); more → 400 naming this key.</summary>
    public int MaxCollectionArticles { get; set; } = 50;

    /// <summary>Articles of one new collection read (stored, extracted or fetched) at the same time (default 8).</summary>
    public int CollectionIngestParallelism { get; set; } = 8;
}
