using CsCheck;

namespace Summarizer.Text.Tests;

/// <summary>Any text, however odd its marks, names and cues: no exception, and every quote's offsets point at its words.</summary>
public class QuoteExtractorPropertyTests
{
    // Fragments the rules react to, so random articles reach deep into the attribution code.
    private static readonly string[] Pieces =
    [
        "“", "”", "\"", "'", "’s", " ", "  ", "\n\n", "\n", ". ", ", ", ": ", "? ", " — ", " ― ", "(", ")", "6'3\"", "<a href=\"x\">",
        "said", "says", "told", "according to", "asked", "saying", "the", "a", "his", "her", "he", "she", "He", "She", "they",
        "Mr.", "Mrs.", "Sen.", "Gov.", "President", "Secretary of State", "Jane Doe", "John F. Kerry", "Doe", "Kerry", "Smith",
        "a spokeswoman for the company", "the report", "PENCE:", "(CROSSTALK)", "In", "But", "At the debate", "of", "R-Ky.",
        "We will win", "x", "É", "\u0301", "1", "%",
    ];

    private static readonly Gen<string> Articles = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 80].Select(parts => string.Concat(parts));

    [Fact]
    public void Any_text_gives_quotes_whose_offsets_hold_their_words() =>
        Articles.Sample(raw =>
        {
            var document = ArticleDocument.Parse(raw);
            foreach (var q in QuoteExtractor.Extract(document))
            {
                Assert.InRange(q.Start, 0, q.End);
                Assert.InRange(q.End, q.Start, document.Text.Length);
                Assert.Equal(q.Text, document.Text[q.Start..q.End]);
                Assert.InRange(q.Paragraph, 0, document.Paragraphs.Count - 1);
                Assert.True(q.Speaker is null || q.Speaker.Length > 0);
            }
        }, iter: 3000);

    [Fact]
    public void Arbitrary_characters_never_throw() =>
        Gen.Char.Array[0, 200].Select(c => new string(c)).Sample(raw =>
        {
            var document = ArticleDocument.Parse(raw);
            _ = QuoteExtractor.Extract(document);
        }, iter: 2000);
}
