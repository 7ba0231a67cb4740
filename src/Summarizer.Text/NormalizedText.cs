namespace Summarizer.Text;

/// <summary>The result of normalisation: the text offsets refer to, plus metadata lifted out of it.</summary>
public sealed record NormalizedText(string Text, string? Title, string? Date);
