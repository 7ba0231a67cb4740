using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Summarizer.Extraction;

/// <summary>The schema.org article a page describes in its JSON-LD scripts (the first object of an
/// article-like type, searched through arrays and <c>@graph</c>), with the fields extraction uses.</summary>
internal sealed record JsonLdArticle(
    string? Headline, string? Body, string? Author, string? DatePublished, string? Publisher,
    string? Description, string? Language, bool? AccessibleForFree, string? Url)
{
    private const int MaxScriptChars = 2_000_000;
    private const int MaxVisits = 5_000;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle",
        "SocialMediaPosting", "LiveBlogPosting", "Review", "Recipe", "HowTo", "MedicalScholarlyArticle",
        "SatiricalArticle", "AdvertiserContentArticle", "DiscussionForumPosting", "Blog", "WebPage", "Posting",
    };

    public static JsonLdArticle? Find(IHtmlDocument document)
    {
        JsonLdArticle? best = null;
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var json = script.TextContent;
            if (json.Length is 0 or > MaxScriptChars)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(json.Trim().TrimEnd(';'), Options);
                var visits = 0;
                foreach (var candidate in ArticleObjects(doc.RootElement, 0, () => ++visits <= MaxVisits))
                {
                    var found = Read(candidate);
                    // An article type beats a WebPage; a body beats none.
                    if (best is null || Rank(found) > Rank(best))
                    {
                        best = found;
                    }
                }
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // ArgumentException: a lone surrogate in the script cannot be read as JSON text.
                // Broken JSON-LD is common; the page's other metadata still applies.
            }
        }

        return best;
    }

    private static int Rank(JsonLdArticle a) => (a.Body is { Length: > 0 } ? 2 : 0) + (a.Headline is not null ? 1 : 0);

    private static IEnumerable<JsonElement> ArticleObjects(JsonElement e, int depth, Func<bool> budget)
    {
        if (depth > 8 || !budget())
        {
            yield break;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var found in ArticleObjects(item, depth + 1, budget))
                {
                    yield return found;
                }
            }

            yield break;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (IsArticleType(e))
        {
            yield return e;
        }

        if (e.TryGetProperty("@graph", out var graph))
        {
            foreach (var found in ArticleObjects(graph, depth + 1, budget))
            {
                yield return found;
            }
        }

        if (e.TryGetProperty("mainEntity", out var main))
        {
            foreach (var found in ArticleObjects(main, depth + 1, budget))
            {
                yield return found;
            }
        }
    }

    private static bool IsArticleType(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    private static JsonLdArticle Read(JsonElement e) => new(
        Text(e, "headline") ?? Text(e, "name"),
        Text(e, "articleBody") ?? Text(e, "text"),
        Names(e, "author") ?? Names(e, "creator"),
        Text(e, "datePublished") ?? Text(e, "dateCreated") ?? Text(e, "uploadDate"),
        Names(e, "publisher"),
        Text(e, "description"),
        Text(e, "inLanguage"),
        e.TryGetProperty("isAccessibleForFree", out var free) ? Bool(free) : null,
        Text(e, "url"));

    private static bool? Bool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(e.GetString(), out var b) => b,
        _ => null,
    };

    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).FirstOrDefault(),
            JsonValueKind.Object => Text(v, "@value") ?? Text(v, "name"),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    /// <summary>A person or organisation field: a string, an object with a name, or a list of them joined.</summary>
    private static string? Names(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        var names = (v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v])
            .Select(x => x.ValueKind switch
            {
                JsonValueKind.String => x.GetString(),
                JsonValueKind.Object => Text(x, "name"),
                _ => null,
            })
            .Where(n => !string.IsNullOrWhiteSpace(n) && !n.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .Select(n => n!.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(8)
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}
