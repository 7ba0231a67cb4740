using System.Text;
using Summarizer.Eval.Data;

namespace Summarizer.Eval.Bench;

/// <summary>The articles speed is measured on: the seed (~5.5 KB) and a ~50 KB article.</summary>
public static class BenchArticles
{
    public const int LongArticleChars = 50_000;

    /// <summary>The repository root: the first parent of the working directory or the binary that holds Summarizer.sln.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Summarizer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Summarizer.sln not found above the working directory");
    }

    public static string Seed() => File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "000_d78e6bd5a83982cf.txt"));

    /// <summary>
    /// A long political news article: the PolNeAR articles in file order, joined as paragraphs
    /// until the text reaches 50,000 characters (real prose with many quotes; deterministic).
    /// </summary>
    public static string LongArticle(string articlesJsonl)
    {
        var sb = new StringBuilder();
        foreach (var a in JsonLines.Read<QuoteArticle>(articlesJsonl))
        {
            if (sb.Length >= LongArticleChars)
            {
                break;
            }

            sb.Append(a.Article.Trim()).Append("\n\n");
        }

        return sb.ToString();
    }

    public static string DefaultArticlesPath() =>
        Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "eval", "polnear_articles.jsonl"));
}
