namespace Summarizer.Text;

/// <summary>
/// A direct quotation found in an article. <see cref="Start"/>/<see cref="End"/> delimit the quoted
/// words (without the quote marks) in the normalised text, so <c>text[Start..End] == Text</c>.
/// </summary>
public sealed record Quote(string Text, string? Speaker, int Start, int End, string? Cue, bool IsFullStatement)
{
    public int Paragraph { get; init; }

    /// <summary>The attribution rule that found the speaker (docs/ATTRIBUTION.md), or null when none did.</summary>
    public string? Rule { get; init; }
}
