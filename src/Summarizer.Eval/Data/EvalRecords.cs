using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summarizer.Eval.Data;

/// <summary>A CNN/DM or XSum row of <c>shared/data/eval</c>: an article and its reference summary.</summary>
public sealed record SummaryExample(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("dataset")] string? Dataset,
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("outlet")] string? Outlet = null);

/// <summary>A PolNeAR article.</summary>
public sealed record QuoteArticle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("publisher")] string? Publisher = null);

/// <summary>A PolNeAR gold quote; offsets index the raw <c>article</c> text.</summary>
public sealed record GoldQuote(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("article_id")] string ArticleId,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("speaker")] string? Speaker,
    [property: JsonPropertyName("speaker_coref_auto")] string? SpeakerCorefAuto,
    [property: JsonPropertyName("quote_type")] string QuoteType,
    [property: JsonPropertyName("quote_start")] int Start,
    [property: JsonPropertyName("quote_end")] int End)
{
    public bool IsFull => QuoteType == "full";
}

public static class JsonLines
{
    public static IReadOnlyList<T> Read<T>(string path)
    {
        var result = new List<T>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            result.Add(JsonSerializer.Deserialize<T>(line) ?? throw new InvalidDataException($"{path}: a line is null"));
        }

        return result;
    }
}

/// <summary>
/// The fold an example belongs to, by id parity: the last character of the id when it is a hex
/// digit (CNN/DM sha1 story ids, XSum numeric ids), else the parity of an FNV-1a hash of the id
/// (PolNeAR ids are names). Stable and independent of file order. Fold A = even, fold B = odd.
/// </summary>
public static class Folds
{
    public static char Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length > 0 && Uri.IsHexDigit(id[^1]))
        {
            return Convert.ToInt32(id[^1..], 16) % 2 == 0 ? 'A' : 'B';
        }

        return ByHash(id);
    }

    /// <summary>The fold by the parity of an FNV-1a hash of the whole key (for keys such as URLs, whose last character says nothing).</summary>
    public static char ByHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h % 2 == 0 ? 'A' : 'B';
    }
}
