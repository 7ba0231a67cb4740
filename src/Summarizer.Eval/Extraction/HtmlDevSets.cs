using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summarizer.Eval.Extraction;

/// <summary>A page of the trafilatura evaluation corpus: raw bytes and the snippets that must and must not be extracted.</summary>
internal sealed record SnippetPage(string Url, string File, byte[] Html, IReadOnlyList<string> With, IReadOnlyList<string> Without);

/// <summary>A page of Mozilla Readability's test suite (shared/data/html/readability_pages.jsonl.gz).</summary>
internal sealed record ReadabilityPage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("articleBody")] string? ArticleBody,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("byline")] string? Byline,
    [property: JsonPropertyName("lang")] string? Lang,
    [property: JsonPropertyName("publishedTime")] string? PublishedTime,
    [property: JsonPropertyName("readerable")] bool? Readerable);

/// <summary>Reads the two HTML dev sets of shared/data/html as they are shipped (tar.gz, jsonl.gz), or unpacked.</summary>
internal static class HtmlDevSets
{
    public const string TrafilaturaArchive = "trafilatura_eval.tar.gz";
    public const string ReadabilityFile = "readability_pages.jsonl.gz";

    private sealed record EvalEntry(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("with")] List<string>? With,
        [property: JsonPropertyName("without")] List<string>? Without);

    /// <summary>What <paramref name="path"/> holds: a folder with either set (packed or unpacked), or one file of either.</summary>
    public static (string? Trafilatura, string? Readability) Locate(string path)
    {
        if (File.Exists(path))
        {
            return path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith("evaldata.json", StringComparison.OrdinalIgnoreCase)
                ? (path, null)
                : (null, path);
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No such file or folder: {path}");
        }

        string? Find(params string[] names) => names.Select(n => Path.Combine(path, n)).FirstOrDefault(File.Exists);
        return (Find(TrafilaturaArchive, "evaldata.json", Path.Combine("trafilatura_eval", "evaldata.json")), Find(ReadabilityFile, "readability_pages.jsonl"));
    }

    public static IReadOnlyList<SnippetPage> ReadTrafilatura(string path)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[]? evalData = null;
        if (path.EndsWith("evaldata.json", StringComparison.OrdinalIgnoreCase))
        {
            evalData = File.ReadAllBytes(path);
            var htmlDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "html");
            foreach (var f in Directory.EnumerateFiles(htmlDir))
            {
                files[Path.GetFileName(f)] = File.ReadAllBytes(f);
            }
        }
        else
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                using var bytes = new MemoryStream();
                entry.DataStream.CopyTo(bytes);
                var name = entry.Name.Replace('\\', '/');
                if (name.EndsWith("evaldata.json", StringComparison.Ordinal))
                {
                    evalData = bytes.ToArray();
                }
                else if (name.Contains("/html/", StringComparison.Ordinal))
                {
                    files[name[(name.LastIndexOf('/') + 1)..]] = bytes.ToArray();
                }
            }
        }

        var entries = JsonSerializer.Deserialize<Dictionary<string, EvalEntry>>(evalData ?? throw new InvalidDataException($"{path}: no evaldata.json"))!;
        return entries
            .Where(e => files.ContainsKey(e.Value.File))
            .Select(e => new SnippetPage(e.Key, e.Value.File, files[e.Value.File], e.Value.With ?? [], e.Value.Without ?? []))
            .ToList();
    }

    public static IReadOnlyList<ReadabilityPage> ReadReadability(string path)
    {
        using Stream file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var pages = new List<ReadabilityPage>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                pages.Add(JsonSerializer.Deserialize<ReadabilityPage>(line) ?? throw new InvalidDataException($"{path}: a line is null"));
            }
        }

        return pages;
    }
}
