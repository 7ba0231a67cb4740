using System.Text.Json;

namespace Summarizer.Eval.Fuzz;

/// <summary>The articles of <c>shared/data/eval</c> (CNN/DM, XSum, PolNeAR), as (id, text), for mutation.</summary>
public static class EvalCorpus
{
    public static readonly string[] Files = ["cnndm_test_sample.jsonl", "xsum_test_sample.jsonl", "polnear_articles.jsonl"];

    /// <summary>
    /// The eval folder: <c>SUMMARIZER_EVAL_DATA</c> when set, else the first <c>shared/data/eval</c>
    /// beside the current directory or the program, or beside one of their parents (a clone with
    /// <c>shared/</c> next to it, a worktree further down). Null when there is none.
    /// </summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("SUMMARIZER_EVAL_DATA") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "eval");
                if (File.Exists(Path.Combine(candidate, Files[0])))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Every article of the three files in <paramref name="folder"/>, in file order.</summary>
    public static IReadOnlyList<(string Id, string Text)> Load(string folder) =>
        [.. Files.SelectMany(file => LoadFile(Path.Combine(folder, file)))];

    /// <summary>Every article (<c>id</c>, <c>article</c>) of one JSON Lines file, in file order.</summary>
    public static IReadOnlyList<(string Id, string Text)> LoadFile(string path)
    {
        var articles = new List<(string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            articles.Add((root.GetProperty("id").GetString()!, root.GetProperty("article").GetString()!));
        }

        return articles;
    }
}
