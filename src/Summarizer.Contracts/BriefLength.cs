namespace Summarizer.Contracts;

/// <summary>Length presets of a brief. Short is 3 sentences, medium 5, long 8.</summary>
// "Short"/"Long" are the API's preset names, not type names.
#pragma warning disable CA1720
[GenerateSerializer]
public enum BriefLength
{
    Short = 0,
    Medium = 1,
    Long = 2,
}
#pragma warning restore CA1720

public static class BriefLengths
{
    public static int Sentences(this BriefLength length) => length switch
    {
        BriefLength.Short => 3,
        BriefLength.Medium => 5,
        BriefLength.Long => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, null),
    };

    /// <summary>Parses "short", "medium" or "long" (any case); null or empty gives the default.</summary>
    public static bool TryParse(string? value, out BriefLength length)
    {
        length = BriefLength.Short;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        switch (value.ToUpperInvariant())
        {
            case "SHORT": length = BriefLength.Short; return true;
            case "MEDIUM": length = BriefLength.Medium; return true;
            case "LONG": length = BriefLength.Long; return true;
            default: return false;
        }
    }

    public static string ToWireName(this BriefLength length) => length switch
    {
        BriefLength.Short => "short",
        BriefLength.Medium => "medium",
        BriefLength.Long => "long",
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, null),
    };
}
