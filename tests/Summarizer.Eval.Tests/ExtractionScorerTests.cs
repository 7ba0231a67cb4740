using Summarizer.Eval.Extraction;

namespace Summarizer.Eval.Tests;

public class ExtractionScorerTests
{
    [Fact]
    public void Snippets_match_after_whitespace_normalisation_on_both_sides()
    {
        var score = new SnippetScore();
        var (missed, kept) = score.Add("The  council\nvoted.\n\nShare this", ["council voted.", "not there"], ["Share\tthis", "Impressum"]);

        Assert.Equal(1, score.TruePositives);
        Assert.Equal(1, score.FalseNegatives);
        Assert.Equal(1, score.FalsePositives);
        Assert.Equal(1, score.TrueNegatives);
        Assert.Equal(["not there"], missed);
        Assert.Equal(["Share\tthis"], kept);
    }

    [Fact]
    public void Snippet_counts_are_summed_over_pages_before_precision_and_recall()
    {
        var score = new SnippetScore();
        score.Add("a b c", ["a", "b", "c"], []);
        score.Add("x", ["y"], ["x"]);

        Assert.Equal(3.0 / 4, score.Precision, 9);
        Assert.Equal(3.0 / 4, score.Recall, 9);
    }

    [Fact]
    public void Shingles_are_four_token_windows_with_multiplicity_and_a_short_text_is_one_shingle()
    {
        Assert.Equal(3, ShingleScore.Shingles("one two three four five six").Count);
        Assert.Equal(2, ShingleScore.Shingles("a b c d a b c d").Values.Max());
        Assert.Single(ShingleScore.Shingles("just two"));
        Assert.Empty(ShingleScore.Shingles(""));
    }

    [Fact]
    public void Shingle_scores_are_means_of_per_page_ratios()
    {
        var score = new ShingleScore();
        var page = score.Add("one two three four five six", "one two three four five six seven eight");

        // true 3 shingles, predicted 5: TP 3, FP 2, FN 0, normalised by 5.
        Assert.Equal((0.6, 0.4, 0.0), page);
        score.Add("alpha beta gamma delta", "alpha beta gamma delta");

        Assert.Equal((0.6 + 1.0) / 2, score.Precision, 9);
        Assert.Equal(1.0, score.Recall, 9);
    }

    [Fact]
    public void An_empty_prediction_counts_for_recall_only()
    {
        var other = new ShingleScore();
        other.Add("alpha beta gamma delta", "alpha beta gamma delta");
        other.Add("one two three four five", "");
        Assert.Equal(1.0, other.Precision, 9);
        Assert.Equal(0.5, other.Recall, 9);
    }

    [Fact]
    public void A_set_of_only_empty_predictions_scores_zero()
    {
        var score = new ShingleScore();
        score.Add("one two three four five", "");

        // No tokens, no shingle: the page has TP = FP = 0, so it is left out of the precision mean.
        Assert.Equal(0.0, score.Recall, 9);
        Assert.Equal(0.0, score.Precision, 9);
    }
}
