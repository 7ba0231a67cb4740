namespace Summarizer.Backends.Tests;

public sealed class ModelOutputTests
{
    [Fact]
    public void List_markers_preambles_and_code_fences_are_stripped_from_a_brief()
    {
        var sentences = ModelOutput.ParseBrief("Here is the brief:\n```\n1. First fact.\n- Second fact.\n3) Third fact.\n```\n", 3, 512);

        Assert.Equal(["First fact.", "Second fact.", "Third fact."], sentences);
    }

    [Fact]
    public void A_sentence_longer_than_the_limit_is_refused()
    {
        Assert.Throws<ModelOutputException>(() => ModelOutput.ParseBrief(new string('a', ModelOutput.MaxSentenceChars + 1), 3, 512));
    }

    [Fact]
    public void An_answer_far_past_the_output_budget_is_refused()
    {
        Assert.Throws<ModelOutputException>(() => ModelOutput.ParseBrief(string.Join('\n', Enumerable.Repeat("Short line here.", 400)), 3, 64));
    }

    [Fact]
    public void A_quote_choice_is_read_from_fenced_json_and_bare_indices_are_accepted()
    {
        var chosen = ModelOutput.ParseQuoteChoice("```json\n[{\"index\": 2, \"text\": \"We will act\"}, 4]\n```");

        Assert.Equal([new ChosenQuote(2, "We will act"), new ChosenQuote(4, "")], chosen);
    }

    [Theory]
    [InlineData("no json here")]
    [InlineData("[{\"text\": \"no index\"}]")]
    [InlineData("[{\"index\": 1, ]")]
    public void A_quote_choice_that_is_not_the_asked_json_is_refused(string raw)
    {
        Assert.Throws<ModelOutputException>(() => ModelOutput.ParseQuoteChoice(raw));
    }
}
