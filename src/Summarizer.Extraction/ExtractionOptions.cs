namespace Summarizer.Extraction;

/// <summary>Limits of the extractor. The defaults suit news and blog pages.</summary>
public sealed class ExtractionOptions
{
    /// <summary>Below this many letters and digits the text is no article (rejected as empty or a teaser).</summary>
    public int MinArticleChars { get; set; } = 200;

    /// <summary>Pages longer than this (UTF-16 code units) are cut before parsing, so one huge page cannot stall a thread.</summary>
    public int MaxHtmlChars { get; set; } = 8_000_000;

    /// <summary>For measuring one candidate alone (one of <see cref="ExtractionCandidates"/>); null (the default) lets the chooser pick.</summary>
    public string? OnlyCandidate { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinArticleChars);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHtmlChars, 1024);
        if (OnlyCandidate is not (null or ExtractionCandidates.DomRules or ExtractionCandidates.Readability or ExtractionCandidates.JsonLd or ExtractionCandidates.ReadabilityPlain))
        {
            throw new ArgumentException($"Unknown extraction candidate '{OnlyCandidate}'.", nameof(OnlyCandidate));
        }
    }
}
