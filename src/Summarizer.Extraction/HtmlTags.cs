using AngleSharp.Dom;

namespace Summarizer.Extraction;

/// <summary>What HTML elements mean for reading: which are blocks, which never show.</summary>
internal static class HtmlTags
{
    /// <summary>Deeper than this, a subtree is read as flat text (no recursion).</summary>
    public const int MaxDepth = 200;

    public static readonly HashSet<string> Block = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
        "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "hr",
        "address", "details", "summary", "center", "fieldset", "legend", "form", "body", "html",
        "hgroup", "menu", "dialog", "noframes", "frameset",
    };

    public static readonly HashSet<string> CellLike = new(StringComparer.Ordinal) { "td", "th" };

    public static readonly HashSet<string> Invisible = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title", "meta", "link",
        "iframe", "object", "embed", "canvas", "video", "audio", "source", "track", "map", "area",
        "button", "select", "option", "input", "textarea", "datalist", "output", "progress", "meter",
        "picture", "img", "base", "rt", "rp",
    };

    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && style.Length < 2000 && IsDisplayNone(style);
    }

    private static bool IsDisplayNone(string style)
    {
        var s = style.Replace(" ", "", StringComparison.Ordinal);
        return s.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }
}
