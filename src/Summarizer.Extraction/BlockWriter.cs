using System.Text;
using AngleSharp.Dom;

namespace Summarizer.Extraction;

/// <summary>
/// Walks a DOM subtree and cuts its text into blocks at block-element boundaries (p, div, li,
/// headings, ...), the way a browser lays it out: inline elements flow into the current block,
/// whitespace collapses, <c>&lt;br&gt;</c> is a line break, invisible and form elements are skipped.
/// </summary>
internal sealed class BlockWriter
{
    private readonly List<TextBlock> blocks = [];
    private readonly StringBuilder current = new();
    private readonly Func<IElement, bool>? skip;
    private IElement? currentOwner;
    private string currentTag = "";
    private int currentLinkChars;
    private int linkDepth;
    private bool pendingSpace;

    private BlockWriter(Func<IElement, bool>? skip) => this.skip = skip;

    /// <summary>The blocks of <paramref name="root"/>; <paramref name="skip"/> drops whole subtrees (boilerplate).</summary>
    public static List<TextBlock> Blocks(IElement root, Func<IElement, bool>? skip = null)
    {
        var w = new BlockWriter(skip);
        w.currentOwner = root;
        w.currentTag = root.LocalName;
        w.Walk(root, 0);
        w.Flush();
        return w.blocks;
    }

    /// <summary>The plain text of blocks: paragraphs separated by a blank line.</summary>
    public static string Join(IEnumerable<TextBlock> blocks) => string.Join("\n\n", blocks.Select(b => b.Text));

    private void Walk(INode node, int depth)
    {
        // Deeply nested junk (or an attack) must not overflow the stack: past this depth, text is kept flat.
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    Append(text.Data);
                    break;
                case IElement element:
                    Element(element, depth);
                    break;
            }
        }
    }

    private void Element(IElement element, int depth)
    {
        var name = element.LocalName;
        if (HtmlTags.Invisible.Contains(name) || HtmlTags.IsHidden(element) || (skip is not null && skip(element)))
        {
            return;
        }

        if (name == "br")
        {
            LineBreak();
            return;
        }

        if (depth > HtmlTags.MaxDepth)
        {
            Append(element.TextContent);
            return;
        }

        var isBlock = HtmlTags.Block.Contains(name);
        // An anchor without href is a jump target in the text, not a link away from it.
        var isLink = name == "a" && element.HasAttribute("href");
        if (isBlock)
        {
            Flush();
            currentOwner = element;
            currentTag = name;
        }
        else if (HtmlTags.CellLike.Contains(name))
        {
            pendingSpace = true;
        }

        if (isLink)
        {
            linkDepth++;
        }

        Walk(element, depth + 1);

        if (isLink)
        {
            linkDepth--;
        }

        if (isBlock)
        {
            Flush();
            currentOwner = element.ParentElement ?? element;
            currentTag = currentOwner.LocalName;
        }
        else if (HtmlTags.CellLike.Contains(name))
        {
            pendingSpace = true;
        }
    }

    private void Append(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = current.Length > 0;
                continue;
            }

            // A soft hyphen, word joiner or stray BOM never shows (the browser hyphenates at the soft
            // hyphen only at a line end): "Mit\u00ADtel\u00ADal\u00ADter" reads "Mittelalter".
            if (c is '\u00AD' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            if (pendingSpace && current.Length > 0 && current[^1] != '\n')
            {
                current.Append(' ');
                if (linkDepth > 0)
                {
                    currentLinkChars++;
                }
            }

            pendingSpace = false;
            current.Append(c);
            if (linkDepth > 0)
            {
                currentLinkChars++;
            }
        }
    }

    private void LineBreak()
    {
        if (current.Length == 0)
        {
            return;
        }

        if (current[^1] == '\n')
        {
            // Two line breaks in a row end the paragraph.
            current.Length--;
            Flush();
            return;
        }

        current.Append('\n');
        pendingSpace = false;
    }

    private void Flush()
    {
        while (current.Length > 0 && current[^1] is '\n' or ' ')
        {
            current.Length--;
        }

        if (current.Length > 0 && currentOwner is not null)
        {
            blocks.Add(new TextBlock(current.ToString(), Math.Min(currentLinkChars, current.Length), currentOwner, currentTag));
        }

        current.Clear();
        currentLinkChars = 0;
        pendingSpace = false;
    }
}
