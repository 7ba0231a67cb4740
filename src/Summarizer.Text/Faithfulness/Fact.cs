namespace Summarizer.Text.Faithfulness;

internal enum FactKind
{
    Number,
    Date,
    Entity,
}

/// <summary>
/// A checkable fact of a sentence: a number (with its value, the precision it was written with and
/// its unit), a date word (key <c>month:march</c>, <c>weekday:monday</c>, <c>year:2015</c>) or a name
/// (key: the lower-case words of the name). Offsets index the text the sentence was read from.
/// </summary>
internal readonly record struct Fact(FactKind Kind, string Key, string Surface, int Start, int End)
{
    public double Value { get; init; }

    /// <summary>The smallest step the number was written with: 1 for "40", 0.1 for "1.5", 100000 for "1.5 million".</summary>
    public double Step { get; init; } = 1;

    /// <summary>%, a currency symbol or a unit of measure; null when the number has none.</summary>
    public string? Unit { get; init; }

    /// <summary>The words of a name, as <see cref="Word.Key"/>s.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>
    /// This number (as a brief wrote it) is <paramref name="source"/> (as the article wrote it):
    /// the same value at this number's precision ("40" for 39.8, "1.3 million" for 1,250,000),
    /// units equal when both have one.
    /// </summary>
    public bool SameNumber(in Fact source)
    {
        if (Unit is not null && source.Unit is not null && !string.Equals(Unit, source.Unit, StringComparison.Ordinal))
        {
            return false;
        }

        var rounded = Math.Round(source.Value / Step, MidpointRounding.AwayFromZero) * Step;
        return Math.Abs(rounded - Value) <= 1e-9 * Math.Max(1, Math.Abs(Value)) || Math.Abs(source.Value - Value) <= 1e-9 * Math.Max(1, Math.Abs(Value));
    }
}
