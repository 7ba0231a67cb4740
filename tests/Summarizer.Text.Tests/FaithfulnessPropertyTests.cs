using CsCheck;
using Summarizer.Text.Faithfulness;

namespace Summarizer.Text.Tests;

/// <summary>The checker on arbitrary articles and brief sentences: never throws, receipts are well formed, verbatim sentences are exact.</summary>
public class FaithfulnessPropertyTests
{
    private static readonly string[] Pieces =
    [
        "“", "”", "‘", "’", "\"", "'", " ", "\n", "\n\n", ". ", ", ", ": ", "? ", "-", "(", ")", "$", "£", "%", "3", "3.5", "1,000", "2015", "1990s",
        "5th", "3m", "twenty", "-five", "one", "hundred", "million", "per cent", "miles", "not", "n't", "never", "without", "said", "told",
        "Monday", "March", "Jan.", "May", "Mr", "Mr.", "President", "Jane Doe", "Doe", "Smith", "O’Neill", "The", "In", "he", "she", "the",
        "police", "officials", "É", "e\u0301", "\u0301", "\ud800", "😀", "\u0000", "\u00a0", "ﬁ", "İ", "中文",
    ];

    private static readonly Gen<string> PieceText = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 80].Select(p => string.Concat(p));

    private static readonly Gen<string> Mixed = Gen.OneOf(PieceText, Gen.Char.Array[0, 120].Select(c => new string(c)));

    [Fact]
    public void Arbitrary_articles_and_briefs_never_throw_and_receipts_are_well_formed() =>
        Gen.Select(Mixed, Mixed.Array[0, 4]).Sample((raw, brief) =>
        {
            var document = ArticleDocument.Parse(raw);
            var receipt = FaithfulnessChecker.Check(document, brief);
            Assert.Equal(brief.Length, receipt.Sentences.Count);
            Assert.Equal(brief.Length, receipt.Supported + receipt.Flagged);
            foreach (var s in receipt.Sentences)
            {
                Assert.InRange(s.Support, 0.0, 1.0);
                Assert.InRange(s.Sources.Count, 0, Alignment.MaxSources);
                Assert.All(s.Sources, span =>
                {
                    Assert.InRange(span.Start, 0, document.Text.Length);
                    Assert.InRange(span.End, span.Start, document.Text.Length);
                });
            }
        }, iter: TextPipelinePropertyTests.Iterations(1500), print: c => $"{TextPipeline.Literal(c.Item1)} | {string.Join(" | ", c.Item2.Select(TextPipeline.Literal))}");

    [Fact]
    public void Every_sentence_of_the_article_is_supported_by_exactly_itself() =>
        Mixed.Sample(raw =>
        {
            var document = ArticleDocument.Parse(raw);
            var facts = ArticleFacts.Build(document);
            foreach (var span in document.Sentences)
            {
                var sentence = span.Slice(document.Text);
                var r = FaithfulnessChecker.CheckSentence(facts, sentence);
                Assert.False(r.Flagged);
                Assert.Equal(1.0, r.Support);
                Assert.Equal(sentence, Assert.Single(r.Sources).Slice(document.Text));
            }
        }, iter: TextPipelinePropertyTests.Iterations(1000), print: TextPipeline.Literal);
}
