using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Summarizer.Extraction;

/// <summary>
/// Which page elements are boilerplate by what they are or what the page calls them: navigation,
/// asides and footers; image figures (captions, credits); and elements whose class or id names a
/// share bar, comment section, related or "read more" list, newsletter box, cookie banner, ad,
/// byline, date, tag list or caption. Names are matched as whole tokens of the class/id
/// (<c>share-bar</c>, <c>post_comments</c>), never as substrings (<c>header</c> is no ad).
/// An element the page marks as article content is never boilerplate by its name.
/// </summary>
internal static partial class BoilerplateElements
{
    private static readonly HashSet<string> Tags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "footer", "figcaption", "menu", "dialog", "form",
    };

    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "contentinfo", "banner", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
    };

    /// <summary>Whether <paramref name="element"/> is boilerplate by its tag or role, or hidden by a class.</summary>
    public static bool IsBoilerplate(IElement element)
    {
        var name = element.LocalName;
        if (Tags.Contains(name))
        {
            // ASP.NET and some CMSs wrap the whole page in one form: only a form with little text is chrome.
            return name != "form" || element.QuerySelector("p") is null;
        }

        if (name == "figure")
        {
            // An image or video with its caption and credit; a figure around a quotation is text.
            return element.QuerySelector("blockquote") is null;
        }

        if (element.GetAttribute("aria-hidden") == "true" || (element.GetAttribute("role") is { } role && Roles.Contains(role)))
        {
            return true;
        }

        return IsHiddenByClass(element);
    }

    /// <summary>Whether the page's class or id names <paramref name="element"/> boilerplate (a weaker
    /// sign than the tag: the caller checks the element is not most of the page).</summary>
    public static bool HasBoilerplateName(IElement element)
    {
        // A link or emphasis inside a sentence is part of it, whatever it is called (class="popup"
        // on a glossary link): names mark the page's boxes, not words.
        if (Phrasing.Contains(element.LocalName))
        {
            return false;
        }

        var hit = false;
        // A heading's id is an anchor made from its own words ("nav_nur_die_folie"), not a role.
        if (element.Id is { Length: > 0 } id && !IsHeading(element))
        {
            hit = IsBoilerplateName(id);
        }

        var listOnly = false;
        foreach (var c in element.ClassList)
        {
            if (!hit && IsBoilerplateName(c))
            {
                hit = true;
            }
            else if (!hit && !listOnly && IsLinkListName(c))
            {
                listOnly = true;
            }
        }

        if (!hit && !(listOnly && IsLinkList(element)))
        {
            return false;
        }

        return !ArticleContent.IsMatch(Names(element)) && !IsDeclaredContent(element);
    }

    /// <summary>A "teaser" is other stories' links in one place and the article's own standfirst in
    /// another (German and other CMSs class the lead so): a teaser with a link or a heading in it
    /// points to another story; one of plain prose is the article's lead.</summary>
    internal static bool IsLinkList(IElement element) => element.QuerySelector("a[href], h1, h2, h3, h4, h5, h6") is not null;

    private static readonly HashSet<string> LinkListWords = new(StringComparer.Ordinal) { "teaser", "teasers" };

    internal static bool IsLinkListName(string name)
    {
        if (name.Length is < 2 or > 80)
        {
            return false;
        }

        foreach (var part in name.ToLowerInvariant().Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (LinkListWords.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>schema.org microdata naming the element the article's body, headline or summary (the
    /// standfirst a CMS often classes "teaser"): the page says it is the article's own text.</summary>
    private static bool IsDeclaredContent(IElement element) =>
        element.GetAttribute("itemprop") is { } p && DeclaredContent().IsMatch(p);

    [GeneratedRegex(@"^\s*(?:articleBody|description|headline|alternativeHeadline|abstract|text)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredContent();

    private static readonly HashSet<string> Phrasing = new(StringComparer.Ordinal)
    {
        "a", "em", "i", "u", "abbr", "q", "mark", "sup", "sub", "dfn", "var", "code", "kbd",
    };

    private static bool IsHeading(IElement element) => element.LocalName is ['h', >= '1' and <= '6'];

    /// <summary>A class or id names boilerplate when one of its parts (split at '-' and '_'), or two
    /// neighbouring parts, is a boilerplate word: <c>share-bar</c>, <c>post_comments</c>,
    /// <c>entry-meta</c>; but not <c>no-sidebar</c> / <c>has-comments</c> (page-layout flags).</summary>
    internal static bool IsBoilerplateName(string name)
    {
        if (name.Length is < 2 or > 80)
        {
            return false;
        }

        var parts = name.ToLowerInvariant().Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0 && LayoutFlags.Contains(parts[i - 1]))
            {
                continue;
            }

            if (Words.Contains(parts[i]) || (i + 1 < parts.Length && Words.Contains(parts[i] + "-" + parts[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] NameSeparators = ['-', '_'];

    private static readonly HashSet<string> LayoutFlags = new(StringComparer.Ordinal) { "no", "has", "with", "without", "hide", "show", "is", "not" };

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "share", "shares", "sharing", "sharebar", "shareaholic", "social", "sociable", "socials", "viral",
        "newsletter", "newsletters", "syndication", "cookie", "cookies", "consent", "gdpr",
        "tags", "tag", "taglist", "tagcloud", "keywords", "sidebar", "banner", "breadcrumb", "breadcrumbs",
        "button", "buttons", "btn", "author", "authors", "byline", "bylines", "footer", "nav", "navbar",
        "navigation", "subnav", "menu", "related", "relatedposts", "recommended", "recommendations",
        "recommendation", "popular", "most-popular", "mostpopular", "trending", "comment", "comments",
        "commentlist", "respond", "reply", "replies", "disqus", "ad", "ads", "advert", "adverts",
        "advertisement", "advertising", "sponsor", "sponsored", "promo", "promotion", "outbrain", "taboola",
        "widget", "widgets", "meta", "postmeta", "entry-meta", "post-meta", "rating", "ratings", "timestamp",
        "date", "dateline", "caption", "captions", "credit", "credits", "copyright", "print-only", "noprint",
        "overlay", "modal", "popup", "toolbar", "pagination", "pager", "readmore",
        "read-more", "more-stories", "subscribe", "subscription", "signup", "login", "skip", "toc",
        "infobox", "factbox", "newsticker", "ticker",
    };

    private static bool IsHiddenByClass(IElement element)
    {
        foreach (var c in element.ClassList)
        {
            if (HiddenClasses.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> HiddenClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader", "offscreen", "d-none", "is-hidden",
    };

    /// <summary>The element's id and class, one space-separated string.</summary>
    public static string Names(IElement element)
    {
        var id = element.Id;
        var cls = element.GetAttribute("class");
        return string.IsNullOrEmpty(id) ? cls ?? "" : string.IsNullOrEmpty(cls) ? id : id + " " + cls;
    }

    /// <summary>Names that mark the article body itself (and so protect it from the boilerplate names it also carries).</summary>
    internal static readonly Regex ArticleContent = ArticleContentName();

    [GeneratedRegex(@"articlebody|article[-_]?body|article__body|article[-_]?text|article[-_]?content|article__content|entry[-_]?content|post[-_]?content|post[-_]?body|post[-_]?text|post[-_]?entry|story[-_]?body|story[-_]?content|body[-_]?text|text[-_]content|page[-_]content|content[-_]body|main[-_]content|fulltext|single-post|blog-content", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleContentName();
}
