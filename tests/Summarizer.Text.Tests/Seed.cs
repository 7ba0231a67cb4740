using System.Text.Json;

namespace Summarizer.Text.Tests;

/// <summary>The repository's seed article and its hand-checked quotes (seeds/).</summary>
internal static class Seed
{
    public static string Directory { get; } = FindSeeds();

    public static string Text => File.ReadAllText(Path.Combine(Directory, "000_d78e6bd5a83982cf.txt"));

    public static IReadOnlyList<(string Quote, string Speaker)> Quotes()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "000_d78e6bd5a83982cf.quotes.json")));
        return [.. json.RootElement.GetProperty("quotes").EnumerateArray()
            .Select(q => (q.GetProperty("quote").GetString()!, q.GetProperty("speaker").GetString()!))];
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "Summarizer.sln")) && System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("seeds/ next to Summarizer.sln");
    }
}
