namespace Summarizer.Text;

/// <summary>A speaker phrase as written next to the quote, the cue that ties it, and the rule that found it.</summary>
internal readonly record struct Attribution(string Speaker, string? Cue, string Rule);

/// <summary>One attribution rule: the speaker it finds for a quote, or null to let the next rule try.</summary>
internal sealed record AttributionRule(string Name, Func<QuoteSite, Attribution?> Find);

/// <summary>
/// The attribution rules in the order they are tried (docs/ATTRIBUTION.md lists them with examples);
/// the first that finds a speaker wins.
/// </summary>
internal static class AttributionRules
{
    public static readonly IReadOnlyList<AttributionRule> InOrder =
    [
        new("transcript-label", TranscriptLabel),
        new("cue-after-quote", CueAfterQuote.Find),
        new("cue-before-quote", CueBeforeQuote.Find),
        new("sentence-subject", SentenceContext.Subject),
        new("attribution-sentence-before", SentenceContext.AttributionSentenceBefore),
        new("colon-block", SentenceContext.ColonBlock),
    ];

    public static Attribution? Attribute(QuoteSite site)
    {
        foreach (var rule in InOrder)
        {
            if (rule.Find(site) is { } found)
            {
                return found with { Rule = rule.Name };
            }
        }

        return null;
    }

    /// <summary>An interview transcript: everything quoted in "PENCE: …" is the labelled speaker's.</summary>
    private static Attribution? TranscriptLabel(QuoteSite site) => site.Label is { } label ? new Attribution(label, null, "") : null;
}
