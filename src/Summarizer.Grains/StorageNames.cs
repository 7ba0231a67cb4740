namespace Summarizer.Grains;

/// <summary>Grain storage provider names the host must configure.</summary>
public static class StorageNames
{
    /// <summary>Article text, metadata and cached results.</summary>
    public const string Articles = "articles";
}
