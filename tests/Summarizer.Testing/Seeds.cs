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

    /// <summary>
    /// The seed article as a news site would serve it: a title, an <c>article:published_time</c>,
    /// a canonical link, and its paragraphs in <c>&lt;article&gt;</c> between a menu, a share bar,
    /// a "read more" list and a footer that are not the article.
    /// </summary>
    public static string Html(string canonicalUrl = "https://news.example/2021/06/29/us-strikes")
    {
        var paragraphs = Article.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var body = string.Concat(paragraphs.Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>\n"));
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>{{Title}} | News Example</title>
            <meta property="og:title" content="{{Title}}">
            <meta property="og:site_name" content="News Example">
            <meta property="article:published_time" content="2021-06-29T08:00:00Z">
            <meta name="author" content="Staff Writer">
            <link rel="canonical" href="{{canonicalUrl}}">
            </head><body>
            <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
            <main><article><h1>{{Title}}</h1>
            <div class="byline">By Staff Writer · 29 June 2021</div>
            {{body}}</article>
            <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
            <aside><h2>Read more</h2><ul><li><a href="/a">Markets fall on rate fears</a></li><li><a href="/b">Storm hits the coast</a></li></ul></aside>
            </main><footer>© 2021 News Example. All rights reserved. <a href="/privacy">Privacy</a></footer>
            </body></html>
            """;
    }

    /// <summary>The seed's annotated quotes file.</summary>
    public static JsonElement QuotesJson { get; } = JsonDocument.Parse(File.ReadAllText(Path(SeedName + ".quotes.json"))).RootElement.Clone();

    /// <summary>The annotated quotes: text and speaker.</summary>
    public static IReadOnlyList<(string Quote, string Speaker)> Quotes() =>
        [.. QuotesJson.GetProperty("quotes").EnumerateArray().Select(q => (q.GetProperty("quote").GetString()!, q.GetProperty("speaker").GetString()!))];
}
