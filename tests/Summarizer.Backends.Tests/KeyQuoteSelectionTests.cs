using Summarizer.Text;

namespace Summarizer.Backends.Tests;

/// <summary>Key quotes chosen by a model: by index among the extracted quotes, verified verbatim, invented ones dropped.</summary>
public sealed class KeyQuoteSelectionTests
{
    private static readonly ArticleDocument Document = ArticleDocument.FromNormalized(Seeds.Article, Seeds.Title, date: null);
    private static readonly IReadOnlyList<Quote> Candidates = QuoteExtractor.Extract(Document);

    private static QuoteSelectionRequest Request(int max = 3) => new(Document.Text, Document.Title, Candidates, max);

    [Fact]
    public async Task A_shortened_real_quote_is_kept_with_its_offsets_and_an_invented_quote_is_dropped_and_counted()
    {
        Assert.True(Candidates.Count >= 2, "the seed article has quotes");
        var real = Candidates[0];
        var shortened = real.Text[..(real.Text.Length / 2)].TrimEnd();
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Answer($$"""
            Here are the key quotes:
            [{"index": 0, "text": {{System.Text.Json.JsonSerializer.Serialize(shortened)}}},
             {"index": 1, "text": "We will bomb them all tomorrow, the general promised."}]
            """));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SelectQuotesAsync(null, Request(), CancellationToken.None);

        var kept = Assert.Single(outcome.Quotes);
        Assert.Equal(shortened, kept.Text);
        Assert.Equal(shortened, Document.Text[kept.Start..kept.End]);
        Assert.Equal(real.Speaker, kept.Speaker);
        Assert.Equal(1, outcome.Dropped);
        Assert.Equal(1, host.Counter("summarizer.quotes.dropped"));
        Assert.Equal(1, host.Counter("summarizer.quotes.verified"));
        var prompt = Assert.Single(server.Requests).Json["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Contains("0. ", prompt, StringComparison.Ordinal);
        Assert.Contains(real.Text, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_out_of_range_or_text_outside_every_quote_is_dropped()
    {
        var narrative = Document.Text[..40]; // in the article, but not inside any quote
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Answer($$"""[{"index": 999, "text": ""}, {"index": 0, "text": {{System.Text.Json.JsonSerializer.Serialize(narrative)}}}]"""));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SelectQuotesAsync(null, Request(), CancellationToken.None);

        Assert.Empty(outcome.Quotes);
        Assert.Equal(2, outcome.Dropped);
    }

    [Fact]
    public async Task A_quote_choice_that_is_not_JSON_is_a_failure_and_the_fallback_ranks_the_quotes()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Then(new Step.Answer("I think quote 2 is the best one."));
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", "extractive", ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SelectQuotesAsync(null, Request(), CancellationToken.None);

        Assert.True(outcome.Degraded);
        Assert.Equal("extractive", outcome.AnsweredBy.Name);
        Assert.Equal(KeyQuoteSelector.Select(Candidates, 3).Select(q => q.Text), outcome.Quotes.Select(q => q.Text));
    }

    [Fact]
    public async Task When_the_model_fails_and_there_is_no_fallback_the_quotes_are_ranked_extractively_and_marked_degraded()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Always = new Step.Status(500);
        await using var host = await BackendHost.StartAsync(Settings.With("vllm", null, ("vllm", Settings.OpenAICompatible(server))));

        var outcome = await host.Invoker.SelectQuotesAsync(null, Request(), CancellationToken.None);

        Assert.True(outcome.Degraded);
        Assert.Contains("vllm", outcome.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(KeyQuoteSelector.Select(Candidates, 3), outcome.Quotes);
    }

    [Fact]
    public async Task The_extractive_backend_selects_with_the_key_quote_ranking_and_drops_nothing()
    {
        await using var host = await BackendHost.StartAsync(Settings.With("extractive", null));

        var outcome = await host.Invoker.SelectQuotesAsync(null, Request(5), CancellationToken.None);

        Assert.Equal(KeyQuoteSelector.Select(Candidates, 5), outcome.Quotes);
        Assert.Equal(0, outcome.Dropped);
        Assert.All(outcome.Quotes, q => Assert.Equal(q.Text, Document.Text[q.Start..q.End]));
    }
}
