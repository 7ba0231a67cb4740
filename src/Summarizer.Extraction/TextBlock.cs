using AngleSharp.Dom;

namespace Summarizer.Extraction;

/// <summary>One paragraph-like piece of a page as a reader sees it: its text (whitespace collapsed),
/// how much of it is link text, the block element it came from, and the tag that made it a block.</summary>
internal sealed record TextBlock(string Text, int LinkChars, IElement Element, string Tag)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}
