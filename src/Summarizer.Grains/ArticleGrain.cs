using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;
using Summarizer.Text;

namespace Summarizer.Grains;

/// <summary>
/// One article: its stored text and metadata, each brief cached per spec (persisted), key quotes
/// cached per spec (in memory), one single-flight table each for briefs and quotes (concurrent
/// identical requests share one computation; the last caller to leave cancels it), and ordered
/// storage writes. The work itself is the grain-free pipeline: <see cref="BriefPlanner"/>,
/// <see cref="BriefPipeline"/> over summarizer grains, <see cref="KeyQuoteDigester"/>.
/// Reentrant so a slow brief does not block metadata.
/// </summary>
[Reentrant]
public sealed class ArticleGrain(
    [PersistentState("article", StorageNames.Articles)] IPersistentState<ArticleState> state,
    IBackendCatalog backends,
    IContextBudgets budgets,
    BriefPipelineFactory pipelines,
    ISummaryWorker worker,
    KeyQuoteDigester digester,
    IOptions<LimitsOptions> limits,
    SummarizerMetrics metrics,
    TimeProvider time,
    ILogger<ArticleGrain> logger) : Grain, IArticleGrain
{
    private readonly Dictionary<string, QuoteDigest> _quoteCache = new(StringComparer.Ordinal);
    private SingleFlight<BriefEvent, Brief>? _briefs;
    private SingleFlight<object, QuoteDigest>? _quoteFlights;
    private Task _writes = Task.CompletedTask;
    private BriefPlanner? _planner;
    private IReadOnlyList<Quote>? _quotes;

    private SingleFlight<BriefEvent, Brief> Briefs => _briefs ??= new() { Abandoned = spec => LogAbandoned("Brief", spec) };

    private SingleFlight<object, QuoteDigest> QuoteFlights => _quoteFlights ??= new() { Abandoned = spec => LogAbandoned("Key quotes", spec) };

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
            var (document, quotes) = Analyse(id, content);
            state.State.Text = content.Text;
            state.State.Title = content.Title;
            state.State.Date = content.Date;
            state.State.SourceUrl = content.SourceUrl;
            state.State.Metadata = content.Metadata;
            state.State.StoredAt = time.GetUtcNow();
            try
            {
                await WriteAsync();
            }
            catch
            {
                state.State = new ArticleState(); // not stored: forget it here too
                throw;
            }

            (_planner, _quotes) = (pipelines.Planner(document), quotes);
            logger.LogInformation("Stored article {ArticleId} ({Characters} characters)", id, content.Text.Length);
        }
        else if ((state.State.Title is null && content.Title is not null) || (state.State.Date is null && content.Date is not null)
            || (state.State.SourceUrl is null && content.SourceUrl is not null) || (state.State.Metadata is null && content.Metadata is not null))
        {
            // Same text sent again with metadata it lacked the first time: keep the first, fill the gaps.
            state.State.Title ??= content.Title;
            state.State.Date ??= content.Date;
            state.State.SourceUrl ??= content.SourceUrl;
            state.State.Metadata ??= content.Metadata;
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
            quotes = KeyQuoteDigester.Extract(document);
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

    public Task<string?> GetTextAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Text is null ? null : Planner().Document.Text);

    public async Task<Brief> GetBriefAsync(BriefOptions options, CancellationToken cancellationToken = default)
    {
        var (cached, flight) = BeginBrief(options);
        return cached ?? await Briefs.WaitAsync(flight!, cancellationToken);
    }

    public async IAsyncEnumerable<BriefEvent> StreamBriefAsync(BriefOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (cached, flight) = BeginBrief(options);
        var events = cached is null ? Briefs.ReplayAsync(flight!, cancellationToken) : Replay(cached);
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            yield return e;
        }
    }

    public Task<QuoteDigest> GetQuotesAsync(int max, CancellationToken cancellationToken = default) =>
        GetKeyQuotesAsync(max, backend: null, cancellationToken);

    public async Task<QuoteDigest> GetKeyQuotesAsync(int max, string? backend, CancellationToken cancellationToken = default)
    {
        var document = Planner().Document;
        var candidates = Quotes(document);
        var chosen = backends.Get(backend);
        var spec = $"{max}|{chosen.Name}|{chosen.Model}|{chosen.PromptVersion}";
        if (_quoteCache.TryGetValue(spec, out var cached))
        {
            return cached with { Cached = true };
        }

        var flight = QuoteFlights.GetOrStart(spec, async f =>
        {
            var digest = await digester.DigestAsync(document, candidates, max, chosen.Name, f.Cancellation);
            if (!digest.Degraded)
            {
                _quoteCache[spec] = digest; // a degraded digest is answered, not kept: the chosen backend is tried again next time
            }

            return digest;
        });
        return await QuoteFlights.WaitAsync(flight, cancellationToken);
    }

    /// <summary>The cached brief for the spec, or the flight computing it (started here when none is in flight).</summary>
    private (Brief? Cached, Flight<BriefEvent, Brief>? Flight) BeginBrief(BriefOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var planner = Planner();
        var backend = backends.Get(options.Backend);
        var spec = BriefSpec.For(options.Length, backend);
        Activity.Current?.SetTag(TelemetryTags.ArticleId, this.GetPrimaryKeyString()).SetTag(TelemetryTags.Spec, spec).SetTag(TelemetryTags.Backend, backend.Name);
        if (state.State.Briefs.TryGetValue(spec, out var cached))
        {
            if (!FaithfulnessStep.IsCurrent(cached))
            {
                // Kept before the receipt step existed (or by an older checker): receipted once, kept in memory, written with the next write.
                state.State.Briefs[spec] = cached = FaithfulnessStep.Attach(planner.Document, cached);
            }

            Activity.Current?.SetTag(TelemetryTags.Cached, true);
            metrics.CacheHits.Add(1, new KeyValuePair<string, object?>("kind", "brief"));
            return (cached with { Cached = true }, null);
        }

        if (Briefs.TryGet(spec, out var running))
        {
            return (null, running);
        }

        // Planned before the flight starts, so an article over a limit fails the request that asked, not a flight.
        var job = new BriefJob(this.GetPrimaryKeyString(), planner.Document, options.Length, backend, planner.Plan(budgets.For(backend)));
        metrics.CacheMisses.Add(1, new KeyValuePair<string, object?>("kind", "brief"));
        if (job.Plan.Chunks is { Count: > 0 } chunks)
        {
            metrics.Chunks.Add(chunks.Count, new KeyValuePair<string, object?>("backend", backend.Name));
        }

        return (null, Briefs.GetOrStart(spec, flight => RunBriefAsync(flight, job)));
    }

    private async Task<Brief> RunBriefAsync(Flight<BriefEvent, Brief> flight, BriefJob job)
    {
        var brief = await pipelines.Pipeline(worker).RunAsync(job, flight.Publish, flight.Cancellation);
        if (!brief.Degraded)
        {
            // A degraded answer is not cached: the next request should try the chosen backend again.
            state.State.Briefs[flight.Key] = brief with { Cached = false };
            await WriteAsync();
        }

        flight.Publish(BriefEvent.Result(brief));
        return brief;
    }

    private static async IAsyncEnumerable<BriefEvent> Replay(Brief cached)
    {
        await Task.CompletedTask;
        foreach (var token in BriefPipeline.Tokens(cached))
        {
            yield return token;
        }

        yield return BriefEvent.Result(cached);
    }

    private void LogAbandoned(string what, string spec) =>
        logger.LogInformation("{What} {Spec} of {ArticleId} cancelled: no caller is waiting", what, spec, this.GetPrimaryKeyString());

    private BriefPlanner Planner()
    {
        if (state.State.Text is null)
        {
            throw new ArticleNotFoundException(this.GetPrimaryKeyString());
        }

        return _planner ??= pipelines.Planner(ArticleDocument.FromNormalized(state.State.Text, state.State.Title, state.State.Date));
    }

    /// <summary>The article's quotes; an article stored before analysis came first is analysed here, and refused the same way.</summary>
    private IReadOnlyList<Quote> Quotes(ArticleDocument document)
    {
        if (_quotes is null)
        {
            try
            {
                _quotes = KeyQuoteDigester.Extract(document);
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
        var document = Planner().Document;
        return new ArticleInfo(
            this.GetPrimaryKeyString(), state.State.Title, state.State.Date, state.State.SourceUrl,
            document.Text.Length, document.Paragraphs.Count, document.Sentences.Count, Quotes(document).Count, state.State.StoredAt, state.State.Metadata);
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
