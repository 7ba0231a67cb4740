namespace Summarizer.Extraction;

/// <summary>Limits of the extractor. The defaults suit news and blog pages.</summary>
public sealed class ExtractionOptions
{
    /// <summary>Below this many letters and digits the text is no article (rejected as empty or a teaser).</summary>
    public int MinArticleChars { get; set; } = 200;

    /// <summary>Pages longer than this (UTF-16 code units) are cut before parsing, so one huge page cannot stall a thread.</summary>
    public int MaxHtmlChars { get; set; } = 8_000_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinArticleChars);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHtmlChars, 1024);
    }
}
