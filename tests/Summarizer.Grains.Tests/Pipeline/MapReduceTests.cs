using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;
using Summarizer.Text;

namespace Summarizer.Grains.Tests.Pipeline;

/// <summary>Map-reduce of the grain-free pipeline against a fake worker: no cluster, no model server.</summary>
public sealed class MapReduceTests
{
    private const int ContextTokens = 2048;
    private const int PromptTokens = 200;
    private const int OutputTokens = 256;
    private const int Overlap = 64;
    private static readonly TokenCounter Tokens = TokenCounter.CreateO200k();
    private static readonly TokenChunker Chunker = new(Tokens);
    private static readonly LongArticleOptions Options = new() { OverlapTokens = Overlap };
    private static readonly ContextBudget Budget = new(ContextTokens, PromptTokens, OutputTokens) { MaxInFlight = 64 };
    private static readonly ISummaryBackend Llm = new FakeBackend();

    [Fact]
    public async Task Twenty_chunks_make_twenty_maps_then_one_streamed_final_reduce()
    {
        var worker = new FakeSummaryWorker();
        var (job, chunks) = Job(20, "twenty");

        var events = new List<BriefEvent>();
        var brief = await Pipeline(worker).RunAsync(job, events.Add, CancellationToken.None);

        Assert.Equal(20, chunks);
        var calls = worker.Calls;
        Assert.Equal(20, calls.Count(c => c.Kind == WorkKind.Map && !c.Stream && c.Sentences == Options.MapSentences));
        Assert.Single(calls, c => c.Kind == WorkKind.Reduce && c.Stream);
        Assert.Equal(21, calls.Count);
        Assert.Equal(calls.Count, calls.Select(c => c.Key).Distinct().Count());
        Assert.Equal("Summary of Reduce", string.Join(' ', brief.Text.Split(' ').Take(3)));
        Assert.False(brief.Degraded);
    }

    [Fact]
    public async Task Progress_events_come_in_order_map_then_reduce_then_tokens()
    {
        var worker = new FakeSummaryWorker();
        var (job, _) = Job(6, "progress");
        var events = new List<BriefEvent>();

        await Pipeline(worker).RunAsync(job, events.Add, CancellationToken.None);

        var maps = events.Where(e => e.Stage == "map").ToList();
        Assert.Equal(Enumerable.Range(0, 7), maps.Select(e => e.Done));
        Assert.All(maps, e => Assert.Equal(6, e.Total));
        var firstReduce = events.FindIndex(e => e.Stage == "reduce");
        Assert.True(events.FindLastIndex(e => e.Stage == "map") < firstReduce);
        var firstToken = events.FindIndex(e => e.Kind == BriefEventKind.Token);
        Assert.True(firstReduce < firstToken);
        Assert.Equal(("reduce", 1, 1), (events[^1].Stage, events[^1].Done, events[^1].Total));
    }

    [Fact]
    public async Task Long_partial_summaries_converge_level_by_level_and_an_odd_last_group_goes_up_without_a_call()
    {
        // Answers of ~600 tokens: two fit one reduce input (1592 tokens), three do not. Five chunk
        // summaries pack as [2, 2, 1]: two reduces, the fifth goes up as it is; then [2, 1]: one
        // reduce; then one group of two: the final reduce.
        var worker = new FakeSummaryWorker { Answer = w => Words(600, w.Text.GetHashCode(StringComparison.Ordinal)) };
        var (job, _) = Job(5, "odd");
        var events = new List<BriefEvent>();

        await Pipeline(worker).RunAsync(job, events.Add, CancellationToken.None);

        var calls = worker.Calls;
        Assert.Equal(5, calls.Count(c => c.Kind == WorkKind.Map));
        Assert.Equal(3, calls.Count(c => c.Kind == WorkKind.Reduce && !c.Stream));
        Assert.Single(calls, c => c.Stream);
        Assert.All(calls, c => Assert.True(Tokens.Count(c.Text) <= Budget.InputTokens, "every call fits the input budget"));
        var levels = events.Where(e => e.Stage == "reduce" && e.Done == 0).Select(e => (e.Level, e.Total)).ToList();
        Assert.Equal([(1, 3), (2, 2), (3, 1)], levels);
    }

    [Fact]
    public async Task A_degraded_chunk_summary_makes_the_brief_degraded()
    {
        var worker = new FakeSummaryWorker();
        var (job, _) = Job(4, "degraded");
        var first = true;
        worker.Degrade = w => w.Target.Kind == WorkKind.Map && first && !(first = false);

        var brief = await Pipeline(worker).RunAsync(job, _ => { }, CancellationToken.None);

        Assert.True(brief.Degraded);
        Assert.Equal("fallback answered", brief.DegradedReason);
    }

    [Fact]
    public async Task Cancelling_stops_the_calls_and_makes_no_reduce()
    {
        var worker = new FakeSummaryWorker { Gate = new TaskCompletionSource() };
        var (job, _) = Job(8, "cancel");
        using var cts = new CancellationTokenSource();

        var run = Pipeline(worker).RunAsync(job, _ => { }, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.DoesNotContain(worker.Calls, c => c.Kind == WorkKind.Reduce);
    }

    [Fact]
    public async Task An_article_that_fits_is_one_streamed_call_keyed_by_the_article()
    {
        var worker = new FakeSummaryWorker();
        var document = ArticleDocument.FromNormalized("A short article. It fits in one call.", "T", null);
        var id = ArticleId.Compute(document.Text);
        var planner = new BriefPlanner(document, Tokens, Chunker, Overlap, maxChunks: 10);
        var job = new BriefJob(id, document, BriefLength.Medium, Llm, planner.Plan(Budget));

        var events = new List<BriefEvent>();
        await Pipeline(worker).RunAsync(job, events.Add, CancellationToken.None);

        var call = Assert.Single(worker.Calls);
        Assert.True(call.Stream);
        Assert.Equal(BriefSpec.SummarizerKey(id, BriefSpec.For(BriefLength.Medium, Llm)), call.Key);
        Assert.Equal(["brief", "brief"], events.Where(e => e.Kind == BriefEventKind.Progress).Select(e => e.Stage));
    }

    [Fact]
    public void More_chunks_than_the_limit_is_refused_naming_the_key()
    {
        var text = LongArticleText.WithChunks(Chunker, 6, Budget.InputTokens, Overlap, "limit");
        var planner = new BriefPlanner(ArticleDocument.FromNormalized(text, null, null), Tokens, Chunker, Overlap, maxChunks: 5);

        var e = Assert.Throws<ArticleLimitExceededException>(() => planner.Plan(Budget));

        Assert.Equal("Summarizer:Limits:MaxChunks", e.Limit);
        Assert.True(planner.Plan(null).OnePass, "a single-pass backend takes any length");
    }

    private static BriefPipeline Pipeline(ISummaryWorker worker) => new(worker, Chunker, Options);

    private static (BriefJob Job, int Chunks) Job(int chunks, string seed)
    {
        var text = LongArticleText.WithChunks(Chunker, chunks, Budget.InputTokens, Overlap, seed);
        var document = ArticleDocument.FromNormalized(text, "Title", null);
        var plan = new BriefPlanner(document, Tokens, Chunker, Overlap, maxChunks: 100).Plan(Budget);
        return (new BriefJob(ArticleId.Compute(text), document, BriefLength.Short, Llm, plan), plan.Chunks!.Count);
    }

    private static string Words(int tokens, int seed) =>
        Tokens.Truncate(string.Join(' ', Enumerable.Range(0, tokens).Select(i => $"w{(seed + i) % 997}")), tokens);

    private sealed class FakeBackend : ISummaryBackend
    {
        public string Name => "llm";

        public string Provider => "Fake";

        public string? Model => "fake";

        public string PromptVersion => "p1";

        public BackendLimits Limits => BackendLimits.Default;

        public bool SinglePass => false;

        public Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<string> StreamAsync(SummaryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
