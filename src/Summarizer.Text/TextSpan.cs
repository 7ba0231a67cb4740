namespace Summarizer.Text;

/// <summary>A half-open character range [Start, End) into a normalised article text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Slice(string text) => text[Start..End];
}
