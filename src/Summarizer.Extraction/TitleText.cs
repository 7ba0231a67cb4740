using System.Text.RegularExpressions;

namespace Summarizer.Extraction;

/// <summary>The article's title from a document <c>&lt;title&gt;</c>, which usually carries the site's
/// name after a separator ("Story | Site"); the rules follow Mozilla Readability's.</summary>
internal static partial class TitleText
{
    public static string FromDocumentTitle(string original, IReadOnlyList<string> headings)
    {
        var title = original;
        var hierarchical = false;
        if (Separator().IsMatch(original))
        {
            hierarchical = HierarchicalSeparator().IsMatch(original);
            title = DropLastPart().Replace(original, "$1");
            if (Words(title) < 3)
            {
                title = DropFirstPart().Replace(original, "$1");
            }
        }
        else if (original.Contains(": ", StringComparison.Ordinal))
        {
            if (!headings.Any(h => h == original.Trim()))
            {
                title = original[(original.LastIndexOf(':') + 1)..];
                if (Words(title) < 3)
                {
                    title = original[(original.IndexOf(':', StringComparison.Ordinal) + 1)..];
                }
                else if (Words(original[..original.IndexOf(':', StringComparison.Ordinal)]) > 5)
                {
                    title = original;
                }
            }
        }
        else if ((original.Length > 150 || original.Length < 15) && headings.Count == 1)
        {
            title = headings[0];
        }

        title = MetadataReader.Clean(title) ?? original;
        var words = Words(title);
        if (words <= 4 && (!hierarchical || words != Words(SeparatorRun().Replace(original, "")) - 1))
        {
            title = original;
        }

        return title;
    }

    private static int Words(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@" [\|\-–—\\\/>»] ")]
    private static partial Regex Separator();

    [GeneratedRegex(@" [\\\/>»] ")]
    private static partial Regex HierarchicalSeparator();

    [GeneratedRegex(@"(.*)[\|\-–—\\\/>»] .*", RegexOptions.Singleline)]
    private static partial Regex DropLastPart();

    [GeneratedRegex(@"[^\|\-–—\\\/>»]*[\|\-–—\\\/>»](.*)", RegexOptions.Singleline)]
    private static partial Regex DropFirstPart();

    [GeneratedRegex(@"[\|\-–—\\\/>»]+")]
    private static partial Regex SeparatorRun();
}
