using System.Text.Json;

namespace Summarizer.Testing;

/// <summary>The repository's seed article and its hand-checked quotes (<c>seeds/</c>, copied next to every assembly that references this library).</summary>
public static class Seeds
{
    public const string SeedName = "000_d78e6bd5a83982cf";

    public const string Title = "US strikes on Iran-backed militias";

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", file);

    /// <summary>The seed article's file (a leading <c>date</c> line, then the text).</summary>
    public static string ArticleFile { get; } = Path(SeedName + ".txt");

    /// <summary>The seed file as a client sends it.</summary>
    public static string Raw { get; } = File.ReadAllText(ArticleFile);

    /// <summary>The seed article's normalised text (the date line is metadata, not text).</summary>
    public static string Article { get; } = Summarizer.Text.ArticleDocument.Parse(Raw).Text;

    /// <summary>The seed's annotated quotes file.</summary>
    public static JsonElement QuotesJson { get; } = JsonDocument.Parse(File.ReadAllText(Path(SeedName + ".quotes.json"))).RootElement.Clone();

    /// <summary>The annotated quotes: text and speaker.</summary>
    public static IReadOnlyList<(string Quote, string Speaker)> Quotes() =>
        [.. QuotesJson.GetProperty("quotes").EnumerateArray().Select(q => (q.GetProperty("quote").GetString()!, q.GetProperty("speaker").GetString()!))];
}
