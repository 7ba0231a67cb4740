namespace Summarizer.Grains;

/// <summary>Configuration section <c>Summarizer:Limits</c>: what an article may cost. Over a limit → 413 naming it.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Summarizer:Limits";

    /// <summary>Largest normalised article, in UTF-8 bytes (default 1 MiB).</summary>
    public long MaxArticleBytes { get; set; } = 1024 * 1024;

    /// <summary>Most chunks one article may be split into for one backend (default 200).</summary>
    public int MaxChunks { get; set; } = 200;

    public static string Key(string name) => $"{SectionName}:{name}";
}
