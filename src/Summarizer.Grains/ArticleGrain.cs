using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains;

/// <summary>
/// One article. Stores the normalised text once, serves metadata, and caches each brief per spec.
/// Reentrant so a slow brief does not block metadata; single-flight per spec through an in-flight
/// run table, so concurrent identical requests share one computation. A long article is chunked
/// to the backend's context budget, mapped over summarizer grains in parallel and reduced level by
/// level; callers are counted per run and the run is cancelled when the last one leaves.
/// </summary>
[Reentrant]
public sealed class ArticleGrain(
    [PersistentState("article", StorageNames.Articles)] IPersistentState<ArticleState> state,
    IBackendCatalog backends,
    IContextBudgets budgets,
    TokenCounter tokens,
    TokenChunker chunker,
    IOptions<LongArticleOptions> longArticles,
    IOptions<LimitsOptions> limits,
    IBackendInvoker invoker,
    SummarizerMetrics metrics,
    ILogger<ArticleGrain> logger) : Grain, IArticleGrain
{
    private readonly Dictionary<string, BriefRun> _inflight = new(StringComparer.Ordinal);
    private readonly Dictionary<int, IReadOnlyList<TextChunk>?> _chunks = [];
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

        var bytes = Encoding.UTF8.GetByteCount(content.Text);
        if (bytes > limits.Value.MaxArticleBytes)
        {
            throw new ArticleLimitExceededException(LimitsOptions.Key(nameof(LimitsOptions.MaxArticleBytes)), limits.Value.MaxArticleBytes, bytes);
        }

        if (state.State.Text is null)
        {
            // Analysed before it is stored: an article the text pipeline cannot take is never stored.
            (_document, _quotes) = Analyse(id, content);
            state.State.Text = content.Text;
            state.State.Title = content.Title;
            state.State.Date = content.Date;
            state.State.SourceUrl = content.SourceUrl;
            state.State.StoredAt = DateTimeOffset.UtcNow;
            try
            {
                await WriteAsync();
            }
            catch
            {
                state.State = new ArticleState(); // not stored: forget it here too
                (_document, _quotes) = (null, null);
                throw;
            }

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

    /// <summary>
    /// The document and its quotes, or why the content cannot be stored: text or title not in the
    /// normalised form every offset refers to (a caller bug: <see cref="ArgumentException"/>), no
    /// sentences, or an analysis failure (<see cref="ArticleNotAnalysableException"/>).
    /// </summary>
    private (ArticleDocument Document, IReadOnlyList<Quote> Quotes) Analyse(string id, ArticleContent content)
    {
        if (!ArticleNormalizer.IsNormalized(content.Text) || !string.Equals(ArticleNormalizer.NormalizeTitle(content.Title), content.Title, StringComparison.Ordinal))
        {
            throw new ArgumentException("The text or title is not normalised (ArticleNormalizer).", nameof(content));
        }

        ArticleDocument document;
        IReadOnlyList<Quote> quotes;
        try
        {
            document = ArticleDocument.FromNormalized(content.Text, content.Title, content.Date);
            quotes = QuoteExtractor.Extract(document);
        }
        catch (Exception e) when (IsAnalysisFailure(e))
        {
            logger.LogError(e, "Text analysis failed on article {ArticleId}; it is not stored", id);
            throw new ArticleNotAnalysableException("The article's text could not be analysed; it was not stored.");
        }

        if (!document.HasSentences)
        {
            throw new ArticleNotAnalysableException("The text holds no sentences (no letters or digits) to summarise.");
        }

        return (document, quotes);
    }

    public Task<ArticleInfo?> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Text is null ? null : Info());

    public async Task<Brief> GetBriefAsync(BriefOptions options, CancellationToken cancellationToken = default)
    {
        var (cached, run) = Begin(options);
        if (cached is not null)
        {
            return cached;
        }

        run!.Join();
        try
        {
            return await run.Completion.WaitAsync(cancellationToken);
        }
        finally
        {
            Leave(run);
        }
    }

    public async IAsyncEnumerable<BriefEvent> StreamBriefAsync(BriefOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (cached, run) = Begin(options);
        if (cached is not null)
        {
            foreach (var token in Tokens(cached))
            {
                yield return token;
            }

            yield return BriefEvent.Result(cached);
            yield break;
        }

        run!.Join();
        try
        {
            var next = 0;
            while (true)
            {
                while (next < run.Events.Count)
                {
                    yield return run.Events[next++];
                }

                if (run.IsFinished)
                {
                    break;
                }

                await run.Changed.WaitAsync(cancellationToken);
            }

            // A failed run ends the stream with its exception; a successful one ended with its Result event.
            await run.Completion;
        }
        finally
        {
            Leave(run);
        }
    }

    public Task<QuoteDigest> GetQuotesAsync(int max, CancellationToken cancellationToken = default) =>
        GetKeyQuotesAsync(max, backend: null, cancellationToken);

    public async Task<QuoteDigest> GetKeyQuotesAsync(int max, string? backend, CancellationToken cancellationToken = default)
    {
        var document = Document();
        var candidates = Quotes(document);
        var chosen = backends.Get(backend);
        var spec = $"{max}|{chosen.Name}|{chosen.Model}|{chosen.PromptVersion}";
        if (_quoteDigests.TryGetValue(spec, out var task) && task.IsCompletedSuccessfully)
        {
            return task.Result with { Cached = true };
        }

        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            task = SelectQuotesAsync(spec, document, candidates, max, chosen.Name);
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

            return new QuoteDigest(quotes, candidates.Count, Cached: false,
                new BackendRef(outcome.AnsweredBy.Name, outcome.AnsweredBy.Model), outcome.Degraded, outcome.DegradedReason);
        }
        catch
        {
            _quoteDigests.Remove(spec);
            throw;
        }
    }

    /// <summary>The cached brief for the spec, or the run computing it (started here when none is in flight).</summary>
    private (Brief? Cached, BriefRun? Run) Begin(BriefOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = Document();
        var backend = backends.Get(options.Backend);
        var spec = BriefSpec.For(options.Length, backend);
        if (state.State.Briefs.TryGetValue(spec, out var cached))
        {
            metrics.CacheHits.Add(1, new KeyValuePair<string, object?>("kind", "brief"));
            return (cached with { Cached = true }, null);
        }

        if (_inflight.TryGetValue(spec, out var run))
        {
            return (null, run);
        }

        // Planned before the run starts, so an article over a limit fails the request that asked, not a run.
        var chunks = Plan(document, backend);
        metrics.CacheMisses.Add(1, new KeyValuePair<string, object?>("kind", "brief"));
        run = new BriefRun(spec);
        _inflight[spec] = run;
        run.Completion = RunAsync(run, document, options.Length, backend, chunks);
        return (null, run);
    }

    private void Leave(BriefRun run)
    {
        if (run.Leave())
        {
            // Nobody waits any more: the run was cancelled; a new request starts afresh.
            if (_inflight.TryGetValue(run.Spec, out var current) && ReferenceEquals(current, run))
            {
                _inflight.Remove(run.Spec);
            }

            logger.LogInformation("Brief {Spec} of {ArticleId} cancelled: no caller is waiting", run.Spec, this.GetPrimaryKeyString());
        }
    }

    /// <summary>The chunks of the article for the backend, or null when one call takes it whole.</summary>
    private IReadOnlyList<TextChunk>? Plan(ArticleDocument document, ISummaryBackend backend)
    {
        var budget = budgets.For(backend);
        if (budget is null)
        {
            return null;
        }

        var input = budget.InputTokens;
        if (!_chunks.TryGetValue(input, out var chunks))
        {
            chunks = tokens.Count(document.Text) <= input ? null : chunker.Chunk(document, input, longArticles.Value.OverlapTokens);
            _chunks[input] = chunks;
        }

        var max = limits.Value.MaxChunks;
        if (chunks is not null && chunks.Count > max)
        {
            throw new ArticleLimitExceededException(LimitsOptions.Key(nameof(LimitsOptions.MaxChunks)), max, chunks.Count);
        }

        return chunks;
    }

    private async Task<Brief> RunAsync(BriefRun run, ArticleDocument document, BriefLength length, ISummaryBackend backend, IReadOnlyList<TextChunk>? chunks)
    {
        await Task.Yield(); // let the caller join before any work (and any failure) happens
        try
        {
            // The first event says what is ahead (a stream's client learns the chunk count at once).
            run.Publish(chunks is null ? BriefEvent.Progress("brief", 0, 1) : BriefEvent.Progress("map", 0, chunks.Count));
            Brief brief;
            if (chunks is null)
            {
                // A single-pass backend (extractive) answers at once: nothing to stream but its sentences.
                brief = backend.SinglePass
                    ? await SummarizeAsync(document.Text, this.GetPrimaryKeyString(), run.Spec, document.Title, length, backend.Name, WorkKind.Brief, 0, run.Cancellation)
                    : await StreamFinalAsync(run, document.Text, this.GetPrimaryKeyString(), run.Spec, document.Title, length, backend.Name, WorkKind.Brief);
                if (backend.SinglePass)
                {
                    foreach (var token in Tokens(brief))
                    {
                        run.Publish(token);
                    }
                }

                run.Publish(BriefEvent.Progress("brief", 1, 1));
            }
            else
            {
                brief = await MapReduceAsync(run, document, length, backend, chunks);
            }

            if (!brief.Degraded)
            {
                // A degraded answer is not cached: the next request should try the chosen backend again.
                state.State.Briefs[run.Spec] = brief with { Cached = false };
                await WriteAsync();
            }

            run.Publish(BriefEvent.Result(brief));
            return brief;
        }
        catch
        {
            run.Cancel(); // stop sibling calls of a failed step
            throw;
        }
        finally
        {
            if (_inflight.TryGetValue(run.Spec, out var current) && ReferenceEquals(current, run))
            {
                _inflight.Remove(run.Spec);
            }

            run.Signal();
            run.Dispose();
        }
    }

    /// <summary>
    /// Map: every chunk on its own summarizer grain, all at once (placement spreads them over the
    /// silos). Reduce: pack partial summaries into groups that fit the budget, summarise each group,
    /// level by level, until one group remains; its reduce gives the brief.
    /// </summary>
    private async Task<Brief> MapReduceAsync(BriefRun run, ArticleDocument document, BriefLength length, ISummaryBackend backend, IReadOnlyList<TextChunk> chunks)
    {
        var o = longArticles.Value;
        var budget = budgets.For(backend)!;
        var input = budget.InputTokens;
        var ct = run.Cancellation;
        using var slots = new SemaphoreSlim(Math.Min(budget.MaxInFlight, 1024));
        var mapSpec = BriefSpec.Map(o.MapSentences, backend);
        var done = 0;
        var mapped = await Task.WhenAll(chunks.Select(async chunk =>
        {
            var b = await Throttled(slots, () => SummarizeAsync(chunk.Text, null, mapSpec, document.Title, length, backend.Name, WorkKind.Map, o.MapSentences, ct), ct);
            run.Publish(BriefEvent.Progress("map", ++done, chunks.Count));
            return b;
        }));

        var parts = mapped.ToList();
        var reduceSpec = BriefSpec.Reduce(o.ReduceSentences, backend);
        for (var level = 1; ; level++)
        {
            var groups = chunker.Pack([.. parts.Select(p => p.Text)], input);
            run.Publish(BriefEvent.Progress("reduce", 0, groups.Count, level));
            if (groups.Count == 1)
            {
                var final = await StreamFinalAsync(run, TokenChunker.Join(groups[0]), null, BriefSpec.FinalReduce(length, backend), document.Title, length, backend.Name, WorkKind.Reduce);
                run.Publish(BriefEvent.Progress("reduce", 1, 1, level));
                return Combine(final, parts);
            }

            var reduced = 0;
            var next = await Task.WhenAll(groups.Select(async (group, i) =>
            {
                // A group of one (the odd last) goes up a level as it is: no call needed.
                var b = group.Count == 1 && ReferenceEquals(group[0], parts[Start(groups, i)].Text)
                    ? parts[Start(groups, i)]
                    : await Throttled(slots, () => SummarizeAsync(TokenChunker.Join(group), null, reduceSpec, document.Title, length, backend.Name, WorkKind.Reduce, o.ReduceSentences, ct), ct);
                run.Publish(BriefEvent.Progress("reduce", ++reduced, groups.Count, level));
                return b;
            }));
            parts = [.. next];
        }
    }

    /// <summary>Waits for one of the run's call slots (see <see cref="ContextBudget.MaxInFlight"/>).</summary>
    private static async Task<Brief> Throttled(SemaphoreSlim slots, Func<Task<Brief>> call, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            slots.Release();
        }
    }

    private static int Start(IReadOnlyList<IReadOnlyList<string>> groups, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            start += groups[i].Count;
        }

        return start;
    }

    /// <summary>The final brief, cached only when no step computed anything, degraded when any step was.</summary>
    private static Brief Combine(Brief final, IReadOnlyList<Brief> parts)
    {
        var degraded = parts.FirstOrDefault(p => p.Degraded);
        return final with
        {
            Cached = final.Cached && parts.All(p => p.Cached),
            Degraded = final.Degraded || degraded is not null,
            DegradedReason = final.DegradedReason ?? degraded?.DegradedReason,
        };
    }

    private Task<Brief> SummarizeAsync(
        string text, string? textHash, string spec, string? title, BriefLength length, string backend, WorkKind kind, int sentences, CancellationToken cancellationToken)
    {
        var key = BriefSpec.SummarizerKey(textHash ?? ArticleId.Compute(text), spec);
        var work = new SummarizeWork(text, title, length, backend) { Kind = kind, TargetSentences = sentences };
        return GrainFactory.GetGrain<ISummarizerGrain>(key).SummarizeAsync(work, cancellationToken);
    }

    /// <summary>The last step of a brief, streamed: its tokens become the run's token events as the backend produces them.</summary>
    private async Task<Brief> StreamFinalAsync(BriefRun run, string text, string? textHash, string spec, string? title, BriefLength length, string backend, WorkKind kind)
    {
        var key = BriefSpec.SummarizerKey(textHash ?? ArticleId.Compute(text), spec);
        var work = new SummarizeWork(text, title, length, backend) { Kind = kind };
        var streamed = false;
        Brief? brief = null;
        await foreach (var piece in GrainFactory.GetGrain<ISummarizerGrain>(key).StreamAsync(work, run.Cancellation).WithCancellation(run.Cancellation))
        {
            if (piece.Token is { } token)
            {
                run.Publish(BriefEvent.Token(token));
                streamed = true;
            }
            else
            {
                brief = piece.Brief;
            }
        }

        if (brief is null)
        {
            throw new BackendFailureException(backend, BackendFailureKind.BadAnswer, $"Backend '{backend}' gave no brief.");
        }

        if (!streamed)
        {
            // A kept (or fallback) answer arrives whole: stream it sentence by sentence.
            foreach (var token in Tokens(brief))
            {
                run.Publish(token);
            }
        }

        return brief;
    }

    /// <summary>The brief's text as it is streamed: sentence by sentence, each after the first with its leading space.</summary>
    private static IEnumerable<BriefEvent> Tokens(Brief brief) =>
        brief.Sentences.Select((s, i) => BriefEvent.Token(i == 0 ? s : " " + s));

    private ArticleDocument Document()
    {
        if (state.State.Text is null)
        {
            throw new ArticleNotFoundException(this.GetPrimaryKeyString());
        }

        return _document ??= ArticleDocument.FromNormalized(state.State.Text, state.State.Title, state.State.Date);
    }

    /// <summary>The article's quotes; an article stored before analysis came first is analysed here, and refused the same way.</summary>
    private IReadOnlyList<Quote> Quotes(ArticleDocument document)
    {
        if (_quotes is null)
        {
            try
            {
                _quotes = QuoteExtractor.Extract(document);
            }
            catch (Exception e) when (IsAnalysisFailure(e))
            {
                logger.LogError(e, "Text analysis failed on stored article {ArticleId}", this.GetPrimaryKeyString());
                throw new ArticleNotAnalysableException("The article's text could not be analysed.");
            }
        }

        return _quotes;
    }

    /// <summary>What a bug in the text pipeline throws (index, argument or state errors), as opposed to the runtime failing.</summary>
    private static bool IsAnalysisFailure(Exception e) =>
        e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or FormatException;

    private ArticleInfo Info()
    {
        var document = Document();
        return new ArticleInfo(
            this.GetPrimaryKeyString(), state.State.Title, state.State.Date, state.State.SourceUrl,
            document.Text.Length, document.Paragraphs.Count, document.Sentences.Count, Quotes(document).Count, state.State.StoredAt);
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
