using CsCheck;

namespace Summarizer.Text.Tests;

/// <summary>
/// Hostile text through the whole pipeline (<see cref="TextPipeline"/>): no exception, and every
/// stage's invariants hold. CsCheck shrinks a failure to a small input and prints its seed.
/// </summary>
public class TextPipelinePropertyTests
{
    /// <summary>What news text is made of, and what breaks parsers: marks, breaks, credit lines, titles, cues, junk.</summary>
    private static readonly string[] Pieces =
    [
        "“", "”", "‘", "’", "\"", "'", "«", "»", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\u00a0", ". ", ".", ", ", ": ", ":", "; ", "? ", "! ",
        "…", " — ", " – ", "-", "(", ")", "[", "]", "6'3\"", "<a href=\"x\">", "</p>", "&amp;", "U.S.", "a.m.", "3.5", "No. 1",
        "Photo: Reuters", "Photo: AP", "Credit: Getty Images", "Source: Reuters", "Image copyright", "Read more:", "PUBLISHED:", "By",
        "said", "says", "told", "according to", "asked", "saying", "added", "the", "a", "of", "his", "her", "he", "she", "He", "She", "they",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep.", "President", "Secretary of State", "Commander", "Jane Doe", "John F. Kerry",
        "Doe", "Kerry", "Smith", "O’Neill", "Reuters", "The", "In", "What", "But", "At the debate", "a spokeswoman for the company",
        "R-Ky.", "(D-N.C.)", "PENCE:", "(CROSSTALK)", "title Headline", "date 2021-06-29", "We will win", "x", "É", "e\u0301", "\u0301",
        "1", "%", "\u200b", "\u202e", "\ufeff", "\ufffe", "\uffff", "\ufdd0", "\ud800", "\udc00", "😀", "\u0000", "\u001b", "\u0085", "\u2028", "\u2029",
        "\u00ad", "ﬁ", "İ", "ß", "Ⅻ", "١٢", "中文", "\u3000",
    ];

    private static readonly Gen<string> PieceText = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 120].Select(p => string.Concat(p));

    /// <summary>Any UTF-16 code units, surrogate halves and non-characters included.</summary>
    private static readonly Gen<string> AnyChars = Gen.Char.Array[0, 300].Select(c => new string(c));

    /// <summary>Mostly letters and spaces with a few of every kind of break and mark: long, sentence-like runs.</summary>
    private static readonly Gen<string> Prose = Gen.Frequency(
            (20, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (4, Gen.Const(" ")),
            (2, Gen.Char['A', 'Z'].Select(c => c.ToString())),
            (1, Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i])))
        .Array[0, 600].Select(p => string.Concat(p));

    /// <summary><paramref name="n"/> cases, times <c>SUMMARIZER_FUZZ_SCALE</c> when set (a longer run from the shell).</summary>
    internal static long Iterations(long n) =>
        long.TryParse(Environment.GetEnvironmentVariable("SUMMARIZER_FUZZ_SCALE"), out var scale) && scale > 0 ? n * scale : n;

    private static string Print((string Raw, int Budget) c) => $"{TextPipeline.Literal(c.Raw)}, budget {c.Budget}";

    [Fact]
    public void Hostile_pieces_never_throw_and_keep_the_invariants() =>
        Gen.Select(PieceText, Gen.Int[16, 80]).Sample((raw, budget) => _ = TextPipeline.Run(raw, budget), iter: Iterations(2000), print: Print);

    [Fact]
    public void Any_code_units_never_throw_and_keep_the_invariants() =>
        Gen.Select(AnyChars, Gen.Int[16, 80]).Sample((raw, budget) => _ = TextPipeline.Run(raw, budget), iter: Iterations(1500), print: Print);

    [Fact]
    public void Prose_with_junk_never_throws_and_keeps_the_invariants() =>
        Gen.Select(Prose, Gen.Int[16, 80]).Sample((raw, budget) => _ = TextPipeline.Run(raw, budget), iter: Iterations(800), print: Print);

    [Fact]
    public void Html_of_hostile_pieces_becomes_text_the_pipeline_takes() =>
        PieceText.Sample(html =>
        {
            var (text, title) = HtmlText.ToPlainText("<html><title>" + html + "</title><p>" + html + "</p></html>");
            _ = TextPipeline.Run(text, chunk: false);
            _ = ArticleDocument.Parse(text, title);
        }, iter: Iterations(500), print: TextPipeline.Literal);
}
