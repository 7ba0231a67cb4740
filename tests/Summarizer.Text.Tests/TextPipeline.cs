using System.Text;

namespace Summarizer.Text.Tests;

/// <summary>
/// Runs raw text through every stage of <c>Summarizer.Text</c> with each stage's promises checked
/// by <see cref="TextInvariants"/> (the same checker the mutation corpus and <c>summarizer-eval fuzz</c>
/// use). Shared by the regression and property tests.
/// </summary>
internal static class TextPipeline
{
    public static readonly TokenCounter Tokens = TokenCounter.CreateO200k();

    /// <summary>Every stage on <paramref name="raw"/>; <paramref name="budget"/> is the chunker's token budget (≥ 16).</summary>
    public static TextInvariants.Run Run(string raw, int budget = 64, bool chunk = true) =>
        TextInvariants.Check(raw, Tokens, budget, chunk);

    /// <summary>A C# string literal of <paramref name="s"/>, every character outside printable ASCII escaped, to paste into a regression test.</summary>
    public static string Literal(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ when c is >= ' ' and <= '~' => c.ToString(),
                _ => $"\\u{(int)c:x4}",
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>No lone surrogate, non-character or control character other than a newline.</summary>
    public static void AssertCleanCharacters(string text) => TextInvariants.CheckCleanCharacters(text);
}
