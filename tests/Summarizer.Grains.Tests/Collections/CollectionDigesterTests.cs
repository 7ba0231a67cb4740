using System.Collections.Concurrent;
using Summarizer.Contracts;
using Summarizer.Grains.Collections;

namespace Summarizer.Grains.Tests.Collections;

public sealed class CollectionDigesterTests
{
    private static readonly CollectionSpec Spec = new(BriefLength.Short, 5, null);

    [Fact]
    public async Task Articles_are_read_in_parallel_ordered_by_date_and_a_failing_one_is_reported_in_its_place()
    {
        var articles = new FakeArticles { ReadTogether = 4 }; // each read waits until all four have started: read one by one, it would never finish
        articles.Add("b", "2024-03-02", "Engineers found cracks in the Tay bridge, which was closed on Monday.");
        articles.Add("a", "2024-03-01", "The bridge over the river Tay was closed on Monday after engineers found cracks.");
        articles.Add("c", null, "A ferry service will run from next week.");
        articles.Failing.Add("d");
        var definition = new CollectionDefinition("x", Spec,
        [
            new CollectionMember("a", null, "text:a"), new CollectionMember("b", null, "text:b"), new CollectionMember("c", null, "text:c"),
            new CollectionMember("d", null, "id:d"), new CollectionMember(null, new MemberProblem(502, "fetch-failed", "Fetching the page failed.", "reset"), "http://x/"),
        ]);
        var events = new ConcurrentQueue<CollectionEvent>();

        var digest = await CollectionDigester.RunAsync(definition, articles, events.Enqueue, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d", null], digest.Articles.Select(a => a.ArticleId));
        Assert.Equal(422, digest.Articles[3].Problem!.Status);
        Assert.Equal("fetch-failed", digest.Articles[4].Problem!.Type);
        Assert.Equal(["a", "b", "c"], digest.Timeline.Select(t => t.ArticleId));
        var cracks = digest.Brief!.Sentences[0];
        Assert.Equal(["a", "b"], cracks.ArticleIds.Order());
        Assert.Equal(2, digest.Brief.Sentences.Count);
        Assert.Equal([1, 2, 3, 4], events.Where(e => e.Stage == "articles" && e.Done > 0).Select(e => e.Done).Order());
        Assert.Equal("combine", events.Last().Stage);
        Assert.False(digest.Degraded);
    }

    [Fact]
    public async Task A_model_backend_writes_the_combined_brief_from_the_labelled_briefs()
    {
        var articles = new FakeArticles { Model = briefs => ["Engineers closed the Tay bridge on Monday after finding cracks."] };
        articles.Add("a", "2024-03-01", "The bridge over the river Tay was closed on Monday after engineers found cracks.");
        articles.Add("b", "2024-03-02", "Engineers found cracks in the Tay bridge, which was closed on Monday.");
        var definition = new CollectionDefinition("x", Spec, [new CollectionMember("a", null, "text:a"), new CollectionMember("b", null, "text:b")]);

        var digest = await CollectionDigester.RunAsync(definition, articles, _ => { }, CancellationToken.None);

        var sentence = Assert.Single(digest.Brief!.Sentences);
        Assert.Equal(["a", "b"], sentence.ArticleIds.Order());
        Assert.Contains("[Source 1: site-a, 2024-03-01]", articles.CombinePrompts.Single(), StringComparison.Ordinal);
    }

    private sealed class FakeArticles : ICollectionArticles
    {
        private readonly Dictionary<string, (ArticleInfo Info, string Text)> _articles = [];
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public HashSet<string> Failing { get; } = [];

        /// <summary>When set, each read waits until this many have started.</summary>
        public int ReadTogether { get; init; }

        public ConcurrentBag<string> CombinePrompts { get; } = [];

        public Func<string, IReadOnlyList<string>>? Model { get; init; }

        public void Add(string id, string? date, string text) =>
            _articles[id] = (new ArticleInfo(id, "Title " + id, date, null, text.Length, 1, 1, 0, DateTimeOffset.UnixEpoch,
                new ArticleMetadata(null, "site-" + id, null, null, null, null, null)), text);

        public async Task<ArticleInfo?> InfoAsync(string articleId, CancellationToken cancellationToken)
        {
            if (ReadTogether > 0)
            {
                if (Interlocked.Increment(ref _started) == ReadTogether)
                {
                    _allStarted.TrySetResult();
                }

                await _allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            if (Failing.Contains(articleId))
            {
                throw new ArticleNotAnalysableException("cannot");
            }

            return _articles[articleId].Info;
        }

        public Task<string?> TextAsync(string articleId, CancellationToken cancellationToken) => Task.FromResult<string?>(_articles[articleId].Text);

        public Task<Brief> BriefAsync(string articleId, BriefOptions options, CancellationToken cancellationToken) =>
            Task.FromResult(new Brief(_articles[articleId].Text, [_articles[articleId].Text], new BackendRef("extractive", null), false, false, null));

        public Task<QuoteDigest> QuotesAsync(string articleId, int max, string? backend, CancellationToken cancellationToken) =>
            Task.FromResult(new QuoteDigest([], 0, false));

        public Task<Brief?> CombineAsync(string briefs, BriefLength length, string? backend, CancellationToken cancellationToken)
        {
            CombinePrompts.Add(briefs);
            if (Model is null)
            {
                return Task.FromResult<Brief?>(null);
            }

            var sentences = Model(briefs);
            return Task.FromResult<Brief?>(new Brief(string.Join(' ', sentences), sentences, new BackendRef("llm", "m"), false, false, null));
        }
    }
}
