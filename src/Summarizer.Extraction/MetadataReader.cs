using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Summarizer.Extraction;

/// <summary>
/// Reads what a page says about itself: JSON-LD first (the most deliberate), then Dublin Core,
/// OpenGraph / article meta and Twitter cards, then the document itself (<c>&lt;title&gt;</c>, <c>lang</c>,
/// <c>&lt;time&gt;</c>, rel=author, byline-classed elements).
/// </summary>
internal static partial class MetadataReader
{
    public static PageMetadata Read(IHtmlDocument document, JsonLdArticle? jsonLd, Uri? pageUrl)
    {
        var meta = MetaValues(document);
        string? M(params string[] keys) => keys.Select(k => meta.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var title = Clean(jsonLd?.Headline)
            ?? Clean(M("dc:title", "dcterm:title", "og:title", "title", "twitter:title", "parsely-title"))
            ?? TitleFromDocument(document);
        var byline = Clean(jsonLd?.Author)
            ?? Clean(NotUrl(M("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "byl", "sailthru.author")))
            ?? BylineFromDocument(document);
        var published = DateText.ToIsoDate(jsonLd?.DatePublished)
            ?? DateText.ToIsoDate(M("article:published_time", "og:published_time", "published_time", "parsely-pub-date",
                "datepublished", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "pubdate", "publish-date",
                "sailthru.date", "article.published", "publication_date", "og:article:published_time"))
            ?? DateFromDocument(document);
        var siteName = Clean(M("og:site_name", "application-name")) ?? Clean(jsonLd?.Publisher);
        var language = Language(document, meta, jsonLd);
        var canonical = Canonical(document, pageUrl) ?? Absolute(M("og:url"), pageUrl);
        var description = Clean(M("description", "og:description", "twitter:description", "dc:description", "dcterm:description"))
            ?? Clean(jsonLd?.Description);
        return new PageMetadata(title, byline, published, siteName, language, canonical, description);
    }

    /// <summary>Meta tags by lower-cased name or property (the first value wins).</summary>
    private static Dictionary<string, string> MetaValues(IHtmlDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in document.QuerySelectorAll("meta"))
        {
            var content = m.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            foreach (var attr in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                var key = m.GetAttribute(attr);
                if (string.IsNullOrWhiteSpace(key))
                {
                    continue;
                }

                // A property attribute may hold several space-separated names ("og:title twitter:title").
                foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    values.TryAdd(k.ToLowerInvariant(), content.Trim());
                }
            }
        }

        return values;
    }

    private static string? TitleFromDocument(IHtmlDocument document)
    {
        var raw = Clean(document.QuerySelector("head > title")?.TextContent ?? document.QuerySelector("title")?.TextContent);
        var h1 = document.QuerySelectorAll("h1").Select(h => Clean(h.TextContent)).Where(t => t is not null).ToList();
        return raw is null ? h1.FirstOrDefault() : TitleText.FromDocumentTitle(raw, h1!);
    }

    private static string? BylineFromDocument(IHtmlDocument document)
    {
        foreach (var e in document.QuerySelectorAll("[rel~=author], [itemprop~=author], [class*=byline], [class*=author], [id*=byline]"))
        {
            var text = Clean(e.TextContent);
            if (text is { Length: > 2 and < 100 } && text.Any(char.IsLetter))
            {
                return ByPrefix().Replace(text, "");
            }
        }

        return null;
    }

    private static string? DateFromDocument(IHtmlDocument document)
    {
        foreach (var e in document.QuerySelectorAll("[itemprop~=datePublished], time[pubdate], time[datetime]"))
        {
            var value = e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent;
            if (DateText.ToIsoDate(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? Language(IHtmlDocument document, Dictionary<string, string> meta, JsonLdArticle? jsonLd)
    {
        var lang = document.DocumentElement.GetAttribute("lang") ?? document.DocumentElement.GetAttribute("xml:lang");
        lang ??= meta.GetValueOrDefault("content-language") ?? meta.GetValueOrDefault("language") ?? jsonLd?.Language;
        lang ??= meta.GetValueOrDefault("og:locale")?.Replace('_', '-');
        lang = lang?.Split(',')[0].Trim();
        return lang is { Length: >= 2 and <= 35 } && LanguageTag().IsMatch(lang) ? lang : null;
    }

    private static string? Canonical(IHtmlDocument document, Uri? pageUrl)
    {
        var link = document.QuerySelectorAll("link[rel]")
            .FirstOrDefault(l => l.GetAttribute("rel")!.Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase));
        return Absolute(link?.GetAttribute("href"), pageUrl);
    }

    private static string? Absolute(string? href, Uri? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        Uri? uri = null;
        if (pageUrl is not null && pageUrl.IsAbsoluteUri)
        {
            Uri.TryCreate(pageUrl, href, out uri);
        }
        else
        {
            Uri.TryCreate(href, UriKind.Absolute, out uri);
        }

        return uri is { IsAbsoluteUri: true } && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    private static string? NotUrl(string? s) => s is not null && s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : s;

    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var t = Spaces().Replace(s, " ").Trim();
        return t.Length == 0 ? null : t;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(by|von|par|por|door|di|da)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}

/// <summary>Dates as pages write them, read to yyyy-MM-dd.</summary>
internal static partial class DateText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "dd.MM.yyyy", "d.M.yyyy", "MMMM d, yyyy", "MMM d, yyyy",
        "d MMMM yyyy", "d MMM yyyy", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
    ];

    public static string? ToIsoDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return null;
        }

        value = value.Trim();
        if (IsoPrefix().Match(value) is { Success: true } iso)
        {
            return Valid(int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups[3].Value, CultureInfo.InvariantCulture));
        }

        if (DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return Valid(exact.Year, exact.Month, exact.Day);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var any)
            ? Valid(any.Year, any.Month, any.Day)
            : null;
    }

    private static string? Valid(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? $"{year:0000}-{month:00}-{day:00}"
            : null;

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")]
    private static partial Regex IsoPrefix();
}
