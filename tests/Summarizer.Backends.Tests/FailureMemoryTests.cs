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

    [Fact]
    public async Task A_quote_choice_answered_with_prose_is_not_asked_again_within_the_window_and_is_asked_again_after_it()
    {
        await using var rig = await Rig.StartAsync("extractive", s => s.QuoteAnswer = Prose, ("FailureMemorySeconds", "60"));

        var first = await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);
        Assert.True(first.Degraded);
        Assert.Contains("BadAnswer", first.DegradedReason, StringComparison.Ordinal);
        Assert.Single(rig.Server.Requests);

        rig.Time.Advance(TimeSpan.FromSeconds(59));
        var again = await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);
        Assert.True(again.Degraded);
        Assert.Equal("extractive", again.AnsweredBy.Name);
        Assert.Contains("not called again for 1 s", again.DegradedReason, StringComparison.Ordinal);
        Assert.Single(rig.Server.Requests); // remembered: the model was not called
        Assert.Equal(1, rig.Host.Counter("summarizer.backend.failures.recalled"));

        // The failure was never the answer: once the window has passed the model is asked again, and a good answer is not degraded.
        rig.Server.QuoteAnswer = """[{"index": 0, "text": ""}]""";
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        var later = await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);
        Assert.False(later.Degraded);
        Assert.Equal("llm", later.AnsweredBy.Name);
        Assert.Equal(2, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task A_failure_is_remembered_per_part_so_a_failing_quote_choice_does_not_stop_briefs()
    {
        await using var rig = await Rig.StartAsync("extractive", s => s.QuoteAnswer = Prose);

        Assert.True((await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None)).Degraded);
        var brief = await rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None);

        Assert.False(brief.Degraded);
        Assert.Equal("llm", brief.AnsweredBy.Name);
        Assert.Equal(2, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_fallback_a_remembered_failure_is_unavailable_with_Retry_After_and_makes_no_call()
    {
        await using var rig = await Rig.StartAsync(null, s => s.Always = new Step.Status(500), ("FailureMemorySeconds", "20"));

        var failed = await Assert.ThrowsAsync<BackendFailureException>(() => rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        var remembered = await Assert.ThrowsAsync<BackendFailureException>(() => rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.BadAnswer, failed.Kind);
        Assert.Equal(BackendFailureKind.Unavailable, remembered.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), remembered.RetryAfter);
        Assert.Contains("HTTP 500", remembered.Message, StringComparison.Ordinal);
        Assert.Single(rig.Server.Requests);
    }

    [Fact]
    public async Task Failures_in_a_row_open_the_backend_breaker_for_every_part_until_CircuitBreakSeconds_pass()
    {
        await using var rig = await Rig.StartAsync(null, s => s.Always = new Step.Status(500),
            ("FailureMemorySeconds", "0"), ("CircuitBreakFailures", "3"), ("CircuitBreakSeconds", "40"));

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<BackendFailureException>(() => rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        }

        var open = await Assert.ThrowsAsync<BackendFailureException>(() => rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        var quotes = await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None);

        Assert.Equal(BackendFailureKind.Unavailable, open.Kind);
        Assert.Equal(TimeSpan.FromSeconds(40), open.RetryAfter);
        Assert.True(quotes.Degraded); // the quote choice is refused too, and ranked extractively
        Assert.Contains("last 3 calls failed", quotes.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(3, rig.Server.Requests.Count);
        Assert.Equal(1, rig.Host.Counter("summarizer.backend.circuit.opened"));

        rig.Time.Advance(TimeSpan.FromSeconds(41));
        await Assert.ThrowsAsync<BackendFailureException>(() => rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));
        Assert.Equal(4, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task Unusable_answers_with_HTTP_200_open_the_same_breaker_as_transport_failures()
    {
        // One breaker over whole calls: prose where JSON was asked counts like a 5xx, and a success in between closes nothing early.
        await using var rig = await Rig.StartAsync(null, s => s.QuoteAnswer = Prose,
            ("FailureMemorySeconds", "0"), ("CircuitBreakFailures", "2"), ("CircuitBreakSeconds", "15"));

        Assert.True((await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None)).Degraded);
        Assert.True((await rig.Host.Invoker.SelectQuotesAsync(null, Quotes, CancellationToken.None)).Degraded);
        var refused = await Assert.ThrowsAsync<BackendFailureException>(() => rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None));

        Assert.Equal(BackendFailureKind.Unavailable, refused.Kind);
        Assert.Equal(TimeSpan.FromSeconds(15), refused.RetryAfter);
        Assert.Contains("last 2 calls failed (last: BadAnswer)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, rig.Server.Requests.Count); // the brief never reached the model
        Assert.Equal(1, rig.Host.Counter("summarizer.backend.circuit.opened"));

        // After the break one call goes through (half-open); its success closes the breaker for every part.
        rig.Time.Advance(TimeSpan.FromSeconds(16));
        Assert.False((await rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None)).Degraded);
        Assert.False((await rig.Host.Invoker.SummarizeAsync(null, Brief, CancellationToken.None)).Degraded);
        Assert.Equal(4, rig.Server.Requests.Count);
    }

    [Theory]
    [InlineData("FailureMemorySeconds", "-1", "must not be negative")]
    [InlineData("CircuitBreakFailures", "1", "0 (no breaker) or at least 2")]
    public async Task A_bad_failure_setting_stops_the_host_naming_the_key(string key, string value, string why)
    {
        await using var server = await LoopbackModelServer.StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BackendHost.StartAsync(Settings.With("llm", null, ("llm", Rig.Model(server, (key, value))))));

        Assert.Contains($"Summarizer:Backends:llm:{key}", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback model server scripted by the test, and a backend host on it whose failure memory and breaker read <see cref="Time"/>.</summary>
    private sealed class Rig(LoopbackModelServer server, BackendHost host, FakeTimeProvider time) : IAsyncDisposable
    {
        public LoopbackModelServer Server { get; } = server;

        public BackendHost Host { get; } = host;

        public FakeTimeProvider Time { get; } = time;

        public static async Task<Rig> StartAsync(string? fallback, Action<LoopbackModelServer> script, params (string Key, string Value)[] settings)
        {
            var server = await LoopbackModelServer.StartAsync();
            script(server);
            var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                return new Rig(server, await BackendHost.StartAsync(Settings.With("llm", fallback, ("llm", Model(server, settings))), time: time), time);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        /// <summary>The backend on <paramref name="server"/> with no HTTP retries, so one call is one request.</summary>
        public static Dictionary<string, string?> Model(LoopbackModelServer server, params (string Key, string Value)[] settings)
        {
            var options = Settings.OpenAICompatible(server);
            options["Retries"] = "0";
            foreach (var (key, value) in settings)
            {
                options[key] = value;
            }

            return options;
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
