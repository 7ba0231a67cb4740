using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains;

/// <summary>
/// One article. Stores the normalised text once, serves metadata, and caches each brief per spec.
/// Reentrant so a slow brief does not block metadata; single-flight per spec through an in-flight
/// task table, so concurrent identical requests share one computation.
/// </summary>
[Reentrant]
public sealed class ArticleGrain(
    [PersistentState("article", StorageNames.Articles)] IPersistentState<ArticleState> state,
    IBackendCatalog backends,
    IBackendInvoker invoker,
    SummarizerMetrics metrics,
    ILogger<ArticleGrain> logger) : Grain, IArticleGrain
{
    private readonly Dictionary<string, Task<Brief>> _inflight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<QuoteDigest>> _quoteDigests = new(StringComparer.Ordinal);
    private Task _writes = Task.CompletedTask;
    private ArticleDocument? _document;
    private IReadOnlyList<Quote>? _quotes;

    public async Task<ArticleInfo> StoreAsync(ArticleContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = this.GetPrimaryKeyString();
        if (!string.Equals(ArticleId.Compute(content.Text), id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The text does not hash to article id '{id}'.", nameof(content));
        }

        if (state.State.Text is null)
        {
            state.State.Text = content.Text;
            state.State.Title = content.Title;
            state.State.Date = content.Date;
            state.State.SourceUrl = content.SourceUrl;
            state.State.StoredAt = DateTimeOffset.UtcNow;
            await WriteAsync();
            logger.LogInformation("Stored article {ArticleId} ({Characters} characters)", id, content.Text.Length);
        }
        else if ((state.State.Title is null && content.Title is not null) || (state.State.Date is null && content.Date is not null))
        {
            // Same text sent again with metadata it lacked the first time: keep the first, fill the gaps.
            state.State.Title ??= content.Title;
            state.State.Date ??= content.Date;
            state.State.SourceUrl ??= content.SourceUrl;
            await WriteAsync();
        }

        return Info();
    }

    public Task<ArticleInfo?> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Text is null ? null : Info());

    public async Task<Brief> GetBriefAsync(BriefOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = Document();
        var backend = backends.Get(options.Backend);
        var spec = BriefSpec.For(options.Length, backend);
        if (state.State.Briefs.TryGetValue(spec, out var cached))
        {
            metrics.CacheHits.Add(1, new KeyValuePair<string, object?>("kind", "brief"));
            return cached with { Cached = true };
        }

        if (!_inflight.TryGetValue(spec, out var task))
        {
            metrics.CacheMisses.Add(1, new KeyValuePair<string, object?>("kind", "brief"));
            task = ComputeBriefAsync(spec, document, options.Length, backend.Name);
            _inflight[spec] = task;
        }

        return await task.WaitAsync(cancellationToken);
    }

    public Task<QuoteDigest> GetQuotesAsync(int max, CancellationToken cancellationToken = default) =>
        GetKeyQuotesAsync(max, backend: null, cancellationToken);

    public async Task<QuoteDigest> GetKeyQuotesAsync(int max, string? backend, CancellationToken cancellationToken = default)
    {
        var document = Document();
        _quotes ??= QuoteExtractor.Extract(document);
        var chosen = backends.Get(backend);
        var spec = $"{max}|{chosen.Name}|{chosen.Model}|{chosen.PromptVersion}";
        if (_quoteDigests.TryGetValue(spec, out var task) && task.IsCompletedSuccessfully)
        {
            return task.Result with { Cached = true };
        }

        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            task = SelectQuotesAsync(spec, document, _quotes, max, chosen.Name);
            _quoteDigests[spec] = task;
        }

        return await task.WaitAsync(cancellationToken);
    }

    private async Task<QuoteDigest> SelectQuotesAsync(string spec, ArticleDocument document, IReadOnlyList<Quote> candidates, int max, string backend)
    {
        try
        {
            var outcome = await invoker.SelectQuotesAsync(backend, new QuoteSelectionRequest(document.Text, document.Title, candidates, max), CancellationToken.None);
            var quotes = outcome.Quotes
                .Select(q => new KeyQuote(q.Text, q.Speaker, q.Start, q.End, Verified: string.Equals(document.Text[q.Start..q.End], q.Text, StringComparison.Ordinal)))
                .ToList();
            if (outcome.Degraded)
            {
                _quoteDigests.Remove(spec); // try the chosen backend again next time
            }

            return new QuoteDigest(quotes, candidates.Count, Cached: false);
        }
        catch
        {
            _quoteDigests.Remove(spec);
            throw;
        }
    }

    private async Task<Brief> ComputeBriefAsync(string spec, ArticleDocument document, BriefLength length, string backend)
    {
        try
        {
            var key = BriefSpec.SummarizerKey(this.GetPrimaryKeyString(), spec);
            var brief = await GrainFactory.GetGrain<ISummarizerGrain>(key)
                .SummarizeAsync(new SummarizeWork(document.Text, document.Title, length, backend));
            brief = brief with { Cached = false };
            if (!brief.Degraded)
            {
                // A degraded answer is not cached: the next request should try the chosen backend again.
                state.State.Briefs[spec] = brief;
                await WriteAsync();
            }

            return brief;
        }
        finally
        {
            _inflight.Remove(spec);
        }
    }

    private ArticleDocument Document()
    {
        if (state.State.Text is null)
        {
            throw new ArticleNotFoundException(this.GetPrimaryKeyString());
        }

        return _document ??= ArticleDocument.FromNormalized(state.State.Text, state.State.Title, state.State.Date);
    }

    private ArticleInfo Info()
    {
        var document = Document();
        _quotes ??= QuoteExtractor.Extract(document);
        return new ArticleInfo(
            this.GetPrimaryKeyString(), state.State.Title, state.State.Date, state.State.SourceUrl,
            document.Text.Length, document.Paragraphs.Count, document.Sentences.Count, _quotes.Count, state.State.StoredAt);
    }

    private Task WriteAsync()
    {
        // Reentrant turns may interleave; storage writes must not (ETags), so each waits for the last.
        _writes = WriteAfterAsync(_writes);
        return _writes;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The earlier write's caller saw its failure; this write still goes ahead.
        }

        await state.WriteStateAsync();
    }
}
