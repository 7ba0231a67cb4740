namespace Summarizer.Text.Tests;

/// <summary>Inputs that once crashed the text pipeline (issue 11), each run through every stage with its invariants checked.</summary>
public class PipelineRegressionTests
{
    [Theory]
    [InlineData("The council met on Monday. It voted to close the bridge.\n\nPhoto: Reuters\n\nThe works start in May.")]
    [InlineData("Photo: Reuters\nThe works start in May.")]
    [InlineData("Photo: Reuters\n\nThe\n\nWorks start.")]
    [InlineData("“We will win,” said Jane\n\nDoe.")]
    [InlineData("In\n\nChicago Smith said “we will win the next election”.")]
    [InlineData("Mr.\n\nSmith said “we will win the next election”.")]
    [InlineData("What Mr.\nObama said: “we will win the next election”.")]
    [InlineData("Credit: AP Photo\n\nJohn Smith\n\nSenator\n\nJane Doe said “no way we will ever win this”.")]
    public void Names_never_span_a_line_or_paragraph_break(string raw)
    {
        var run = TextPipeline.Run(raw);
        Assert.All(run.Quotes, q => Assert.True(q.Speaker is null || !q.Speaker.Contains('\n'), $"speaker '{q.Speaker}' spans a line break"));
    }

    [Theory]
    [InlineData("The council met.\uFFFE It voted to close the bridge.")]
    [InlineData("The council met.\uFFFF It voted.")]
    [InlineData("The council met.\uFDD0 It voted.")]
    [InlineData("The council \uD800met. It voted.")]
    [InlineData("The council met.\uDC00 It voted.")]
    [InlineData("The council met. It voted.\uD83D")]
    [InlineData("\uDE00The council met. It voted.")]
    [InlineData("The cafe\u0301 \uFFFE met. It voted.")]
    [InlineData("Bad\u0000control\u0007chars\u001b[31m and \u0085 NEL\u2028line\u2029para. It voted.")]
    public void Non_characters_lone_surrogates_and_controls_are_normalised(string raw)
    {
        var run = TextPipeline.Run(raw);
        var text = run.Document.Text;
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
        TextPipeline.AssertCleanCharacters(text);

        Assert.Equal(text, ArticleDocument.Parse(text).Text); // normalising twice changes nothing
    }

    [Fact]
    public void Lone_surrogates_do_not_give_two_texts_the_same_id()
    {
        // Before normalisation both would hash through UTF-8's U+FFFD replacement; after it they are the same text, by design.
        var a = ArticleDocument.Parse("A \uD800 b.").Text;
        var b = ArticleDocument.Parse("A \uFFFD b.").Text;
        Assert.Equal(a, b);
        Assert.Equal(ArticleId.Compute(a), ArticleId.Compute(b));
    }
}
