using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Summarizer.Extraction;

/// <summary>
/// The article as the page's own markup names it: the first of a series of ever looser container
/// choices (an element marked as the article body, the first <c>&lt;article&gt;</c>, a story or
/// post container, the page's content area, <c>&lt;main&gt;</c>) that holds enough text once its
/// boilerplate is skipped (<see cref="BoilerplateElements"/>). Reads the DOM without changing it.
/// </summary>
internal static partial class DomRulesCandidate
{
    /// <summary>Below this many characters a container is not taken to hold the article: the next, looser choice is tried.</summary>
    private const int MinChars = 250;

    /// <summary>An element whose name marks boilerplate is kept when it holds more than this share of its container's text.</summary>
    private const double MaxBoilerplateShare = 0.6;

    private static readonly Func<IElement, bool>[] Levels =
    [
        e => e.GetAttribute("itemprop") is { } p && p.Contains("articleBody", StringComparison.OrdinalIgnoreCase)
            || BoilerplateElements.ArticleContent.IsMatch(BoilerplateElements.Names(e))
            || e.ClassName is "post" or "entry",
        e => e.LocalName == "article",
        e => e.GetAttribute("role") == "article" || e.Id is "article" or "story" || StoryName().IsMatch(BoilerplateElements.Names(e)),
        e => e.Id is "content" || e.ClassName is "content" || ContentName().IsMatch(BoilerplateElements.Names(e)),
        e => e.LocalName == "main" || e.GetAttribute("role") == "main" || MainName().IsMatch(BoilerplateElements.Names(e)),
    ];

    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal) { "article", "div", "main", "section", "td" };

    public static List<TextBlock>? Blocks(IHtmlDocument document)
    {
        if (document.Body is not { } body)
        {
            return null;
        }

        var elements = body.QuerySelectorAll("*").Where(e => Containers.Contains(e.LocalName)).ToList();
        foreach (var level in Levels)
        {
            var root = elements.FirstOrDefault(e => level(e) && !InsideBoilerplate(e, body));
            if (root is null)
            {
                continue;
            }

            var blocks = BoilerplateBlocks.Clean(Read(root));
            if (blocks.Count > 1 && blocks.Sum(b => b.Text.Length) >= MinChars)
            {
                return blocks;
            }
        }

        return BoilerplateBlocks.Clean(Read(body));
    }

    /// <summary>The blocks of <paramref name="root"/> with boilerplate subtrees skipped.</summary>
    internal static List<TextBlock> Read(IElement root)
    {
        var rootChars = root.TextContent.Length;
        return BlockWriter.Blocks(root, e => e != root && IsSkipped(e, rootChars));
    }

    private static bool IsSkipped(IElement e, int rootChars) =>
        BoilerplateElements.IsBoilerplate(e)
        || (BoilerplateElements.HasBoilerplateName(e) && e.TextContent.Length <= rootChars * MaxBoilerplateShare);

    private static bool InsideBoilerplate(IElement e, IElement body)
    {
        for (var p = e; p is not null && p != body; p = p.ParentElement)
        {
            if (BoilerplateElements.IsBoilerplate(p) || (p != e && BoilerplateElements.HasBoilerplateName(p)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^primary|story-body|^article\s|post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|main-column|wpb_text_column|field-body|fulltext|^postarea$|^text$|^story$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StoryName();

    [GeneratedRegex(@"content[-_]main|content(?:-|__)body|contentbody|main-content|page-content", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentName();

    [GeneratedRegex(@"^main", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MainName();
}
