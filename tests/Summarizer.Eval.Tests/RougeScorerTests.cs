using Summarizer.Eval.Rouge;

namespace Summarizer.Eval.Tests;

public class RougeScorerTests
{
    [Fact]
    public void Tokenizes_lower_case_alphanumeric_runs_and_stems_long_tokens()
    {
        Assert.Equal(["u", "s", "led", "run", "are", "it", "s", "2021"], RougeScorer.Tokenize("U.S.-led running ARE it's 2021"));
    }

    [Fact]
    public void Drops_non_ascii_letters_as_rouge_score_does() =>
        Assert.Equal(["caf", "ol"], RougeScorer.Tokenize("café olé"));

    [Fact]
    public void Unigram_and_bigram_f1_match_hand_counts()
    {
        // pred: the the cat sat on mat (6) ; ref: the the cat lay on mat (6); unigram overlap 5.
        // bigrams pred: the-cat cat-sat sat-on on-the the-mat; ref: the-cat cat-lay lay-on on-the the-mat: 3 of 5.
        var r = RougeScorer.Score("the cat sat on the mat", "the cat lay on the mat");
        Assert.Equal(5.0 / 6, r.Rouge1.F1, 6);
        Assert.Equal(0.6, r.Rouge2.F1, 6);
        Assert.Equal(5.0 / 6, r.RougeLsum.F1, 6);
    }

    [Fact]
    public void Lsum_takes_the_union_of_lcs_over_predicted_sentences()
    {
        // Reference "one two three four"; prediction sentences "three four six" and "one two five".
        // LCS with each: {three four} and {one two}; union = 4 hits. P = 4/6, R = 4/4, F = 0.8.
        // A plain ROUGE-L over the joined prediction would find only 2.
        var r = RougeScorer.Score("three four six\none two five", "one two three four");
        Assert.Equal(4.0 / 6, r.RougeLsum.Precision, 6);
        Assert.Equal(1.0, r.RougeLsum.Recall, 6);
        Assert.Equal(0.8, r.RougeLsum.F1, 6);
    }

    [Fact]
    public void Lsum_counts_each_token_at_most_as_often_as_both_texts_hold_it()
    {
        // Reference has "win" twice over two sentences, prediction once: only one hit can count.
        var r = RougeScorer.Score("they win", "we win\nyou win");
        Assert.Equal(1.0 / 2, r.RougeLsum.Precision, 6);
        Assert.Equal(1.0 / 4, r.RougeLsum.Recall, 6);
    }

    [Fact]
    public void Stemming_makes_inflections_match()
    {
        var r = RougeScorer.Score("police arrested protesters", "police arrest protester");
        Assert.Equal(1.0, r.Rouge1.F1, 6);
    }

    [Fact]
    public void Empty_prediction_scores_zero()
    {
        var r = RougeScorer.Score(string.Empty, "something happened");
        Assert.Equal(0, r.Rouge1.F1);
        Assert.Equal(0, r.RougeLsum.F1);
    }
}
