using Summarizer.Eval.Data;
using Summarizer.Eval.Quotes;

namespace Summarizer.Eval.Tests;

public class QuoteScorerTests
{
    private static GoldQuote Gold(int start, int end, string? speaker, string type = "full", string? coref = null) =>
        new($"g{start}", "a", "q", speaker, coref, type, start, end);

    [Fact]
    public void Matches_by_overlap_one_to_one()
    {
        var tally = new QuoteTally();
        // One long prediction overlapping two gold quotes claims only the larger overlap.
        tally.Add([Gold(0, 10, "Jane Doe"), Gold(12, 40, "Jane Doe")], [new PredictedQuote("x", "Jane Doe", 5, 45), new PredictedQuote("y", null, 100, 110)]);
        Assert.Equal(2, tally.Predicted);
        Assert.Equal(1, tally.PredictedMatched);
        Assert.Equal(0.5, tally.Precision);
        Assert.Equal(0.5, tally.Recall);
        Assert.Equal(1.0, tally.SpeakerAccuracy);
    }

    [Fact]
    public void Pronoun_gold_speakers_are_judged_against_the_coreference_name_only()
    {
        var tally = new QuoteTally();
        tally.Add([Gold(0, 10, "he", coref: "rival Donald Trump"), Gold(20, 30, "Mr. Podesta")],
            [new PredictedQuote("a", "Donald Trump", 0, 10), new PredictedQuote("b", "Hillary Clinton", 20, 30)]);
        Assert.Equal(1, tally.PronounJudged);
        Assert.Equal(1, tally.PronounResolved);
        Assert.Equal(1, tally.SpeakerJudged);
        Assert.Equal(0, tally.SpeakerCorrect);
    }

    [Theory]
    [InlineData("Mr. Podesta", "John Podesta", true)]
    [InlineData("Hillary Clinton", "Clinton", true)]
    [InlineData("Kenneth Baer, a former Obama administration official", "Kenneth Baer", true)]
    [InlineData("Representative Charles B. Rangel of New York", "Charles B. Rangel", true)]
    [InlineData("Hillary Clinton", "Bill Clinton", true)]
    [InlineData("White House press secretary Josh Earnest", "Josh Earnest", true)]
    [InlineData("White House press secretary Josh Earnest", "White House", false)]
    [InlineData("Mr. Morgan of the Sierra Club", "Peter Morgan", true)]
    [InlineData("Mr. Morgan of the Sierra Club", "Sierra Club", false)]
    [InlineData("Obama's former campaign strategist", "campaign strategist", true)]
    [InlineData("Hillary Clinton", "Donald Trump", false)]
    [InlineData("a State Department spokesperson", "the State Department spokesperson", true)]
    [InlineData("a senior diplomat based in the Middle East", "a senior diplomat", true)]
    [InlineData("a senior diplomat based in the Middle East", "Middle East", false)]
    [InlineData("the State Department official", "State Department officials", true)]
    [InlineData("The New York Post", "The New York Post", true)]
    public void Speaker_rules(string gold, string predicted, bool expected) => Assert.Equal(expected, SpeakerMatcher.Matches(gold, predicted));

    [Theory]
    [InlineData("a senior diplomat based in the Middle East", "diplomat")]
    [InlineData("a State Department spokesperson", "spokesperson")]
    [InlineData("one of the organizers, who asked not to be named", "organizers")]
    public void Head_noun_is_the_last_word_before_a_post_modifier(string description, string head) =>
        Assert.Equal(head, SpeakerMatcher.HeadNoun(description));

    [Theory]
    [InlineData("he", SpeakerKind.Pronoun)]
    [InlineData("said", SpeakerKind.None)]
    [InlineData(null, SpeakerKind.None)]
    [InlineData("Mr. Podesta", SpeakerKind.Named)]
    [InlineData("The New York Post", SpeakerKind.Named)]
    [InlineData("the Indiana governor", SpeakerKind.Described)]
    [InlineData("The Indiana governor", SpeakerKind.Described)]
    public void Classifies_gold_speakers(string? speaker, SpeakerKind kind) => Assert.Equal(kind, SpeakerMatcher.Classify(speaker));

    [Fact]
    public void Offset_map_takes_normalised_offsets_back_to_the_raw_text()
    {
        const string raw = "Title\n\n\n  He said   “hi there”.";
        var normalized = Summarizer.Text.ArticleDocument.Parse(raw).Text;
        var map = new OffsetMap(raw, normalized);
        var start = normalized.IndexOf("hi", StringComparison.Ordinal);
        var end = start + "hi there".Length;
        Assert.Equal("hi there", raw[map.ToRaw(start)..map.EndToRaw(end)]);
    }

    [Fact]
    public void Folds_split_by_the_parity_of_the_last_hex_digit()
    {
        Assert.Equal('A', Folds.Of("cnndm-test-abc0"));
        Assert.Equal('B', Folds.Of("cnndm-test-abcf"));
    }
}
