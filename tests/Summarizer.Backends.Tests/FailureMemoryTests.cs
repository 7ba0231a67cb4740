using Microsoft.Extensions.Time.Testing;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Backends.Tests;

/// <summary>
/// Backend failures are remembered per spec and part for <c>FailureMemorySeconds</c> and count toward
/// a breaker over the backend (issue 11: a backend answering the quote choice with prose was called
/// again on every request). The clock is a fake one moved by hand, so no test waits.
/// </summary>
public sealed class FailureMemoryTests
{
    private const string Prose = "I would pick the second quote, it is the most striking one.";

    private static readonly ArticleDocument Document = ArticleDocument.FromNormalized(Seeds.Article, Seeds.Title, date: null);
    private static readonly IReadOnlyList<Quote> Candidates = QuoteExtractor.Extract(Document);
    private static readonly QuoteSelectionRequest Quotes = new(Document.Text, Document.Title, Candidates, 3);
    private static readonly SummaryRequest Brief = new(Seeds.Article, Seeds.Title, SummaryTarget.Brief(BriefLength.Short));

    private static Dictionary<string, string?> Model(LoopbackModelServer server, params (string Key, string Value)[] settings)
    {
        var options = Settings.OpenAICompatible(server);
        options["Retries"] = "0";
        foreach (var (key, value) in settings)
        {
            options[key] = value;
        }

        return options;
    }

    [Fact]
    public async Task A_quote_choice_answered_with_prose_is_not_asked_again_within_the_window_and_is_asked_again_after_it()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.QuoteAnswer = Prose;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = await BackendHost.StartAsync(Settings.With("llm", "extractive", ("llm", Model(server, ("FailureMemorySeconds", "60")))), time: time);

        var first = await host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);
        Assert.True(first.Degraded);
        Assert.Contains("BadAnswer", first.DegradedReason, StringComparison.Ordinal);
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(59));
        var again = await host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);
        Assert.True(again.Degraded);
        Assert.Equal("extractive", again.AnsweredBy.Name);
        Assert.Contains("not called again for 1 s", again.DegradedReason, StringComparison.Ordinal);
        Assert.Single(server.Requests); // remembered: the model was not called
        Assert.Equal(1, host.Counter("summarizer.backend.failures.recalled"));

        // The failure was never the answer: once the window has passed the model is asked again, and a good answer is not degraded.
        server.QuoteAnswer = """[{"index": 0, "text": ""}]""";
        time.Advance(TimeSpan.FromSeconds(2));
        var later = await host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);
        Assert.False(later.Degraded);
        Assert.Equal("llm", later.AnsweredBy.Name);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_failure_is_remembered_per_part_so_a_failing_quote_choice_does_not_stop_briefs()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.QuoteAnswer = Prose;
        await using var host = await BackendHost.StartAsync(Settings.With("llm", "extractive", ("llm", Model(server))), time: new FakeTimeProvider());

        Assert.True((await host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None)).Degraded);
        var brief = await host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.False(brief.Degraded);
        Assert.Equal("llm", brief.AnsweredBy.Name);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_fallback_a_remembered_failure_is_unavailable_with_Retry_After_and_makes_no_call()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Always = new Step.Status(500);
        await using var host = await BackendHost.StartAsync(Settings.With("llm", null, ("llm", Model(server, ("FailureMemorySeconds", "20")))), time: new FakeTimeProvider());

        var failed = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        var remembered = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.BadAnswer, failed.Kind);
        Assert.Equal(BackendFailureKind.Unavailable, remembered.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), remembered.RetryAfter);
        Assert.Contains("HTTP 500", remembered.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Failures_in_a_row_open_the_backend_breaker_for_every_part_until_CircuitBreakSeconds_pass()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Always = new Step.Status(500);
        var time = new FakeTimeProvider();
        await using var host = await BackendHost.StartAsync(
            Settings.With("llm", null, ("llm", Model(server, ("FailureMemorySeconds", "0"), ("CircuitBreakFailures", "3"), ("CircuitBreakSeconds", "40")))), time: time);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        }

        var open = await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        var quotes = await host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);

        Assert.Equal(BackendFailureKind.Unavailable, open.Kind);
        Assert.Equal(TimeSpan.FromSeconds(40), open.RetryAfter);
        Assert.True(quotes.Degraded); // the quote choice is refused too, and ranked extractively
        Assert.Contains("last 3 calls failed", quotes.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, host.Counter("summarizer.backend.circuit.opened"));

        time.Advance(TimeSpan.FromSeconds(41));
        await Assert.ThrowsAsync<BackendFailureException>(() => host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task A_negative_FailureMemorySeconds_stops_the_host_naming_the_key()
    {
        await using var server = await LoopbackModelServer.StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BackendHost.StartAsync(Settings.With("llm", null, ("llm", Model(server, ("FailureMemorySeconds", "-1"))))));

        Assert.Contains("Summarizer:Backends:llm:FailureMemorySeconds", error.Message, StringComparison.Ordinal);
    }
}
