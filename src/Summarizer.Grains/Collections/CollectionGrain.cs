using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;
using Summarizer.Text;

namespace Summarizer.Grains.Collections;

/// <summary>Persisted state of a collection: what it is, and its digest once computed.</summary>
[GenerateSerializer]
public sealed class CollectionState
{
    [Id(0)]
    public CollectionDefinition? Definition { get; set; }

    /// <summary>Kept only when no part of it was degraded: a fallback's digest is answered, not kept.</summary>
    [Id(1)]
    public CollectionDigest? Digest { get; set; }
}

/// <summary>
/// One collection: its definition and its digest (<see cref="CollectionDigester"/> over the
/// articles' own grains), computed once by a single flight that every concurrent caller joins.
/// Reentrant so the definition can be read while the digest is computed.
/// </summary>
[Reentrant]
public sealed class CollectionGrain(
    [PersistentState("collection", StorageNames.Articles)] IPersistentState<CollectionState> state,
    IGrainFactory grains,
    IBackendCatalog backends,
    ILogger<CollectionGrain> logger) : Grain, ICollectionGrain
{
    private const string DigestKey = "digest";
    private SingleFlight<CollectionEvent, CollectionDigest>? _flights;

    private SingleFlight<CollectionEvent, CollectionDigest> Flights => _flights ??= new()
    {
        Abandoned = _ => logger.LogInformation("Digest of collection {CollectionId} cancelled: no caller is waiting", this.GetPrimaryKeyString()),
    };

    /// <summary>The id of a collection (<see cref="ArticleId.ForCollection"/>).</summary>
    public static string IdOf(CollectionSpec spec, IEnumerable<CollectionMember> members)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(members);
        return ArticleId.ForCollection(spec.Key, members.Select(m => m.Key));
    }

    public async Task<CollectionDefinition> CreateAsync(CollectionDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = this.GetPrimaryKeyString();
        if (!string.Equals(IdOf(definition.Spec, definition.Members), id, StringComparison.Ordinal) || definition.Id != id)
        {
            throw new ArgumentException($"The definition does not hash to collection id '{id}'.", nameof(definition));
        }

        if (state.State.Definition is null)
        {
            backends.Get(definition.Spec.Backend); // an unknown backend is the creator's 400, never a stored collection that cannot be digested
            state.State.Definition = definition with { Members = [.. definition.Members.DistinctBy(m => m.Key).OrderBy(m => m.Key, StringComparer.Ordinal)] };
            await state.WriteStateAsync(cancellationToken);
        }

        return state.State.Definition;
    }

    public Task<CollectionDefinition?> GetDefinitionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Definition);

    public async Task<CollectionDigest> GetDigestAsync(CancellationToken cancellationToken = default)
    {
        var (cached, flight) = Begin();
        return cached ?? await Flights.WaitAsync(flight!, cancellationToken);
    }

    public async IAsyncEnumerable<CollectionEvent> StreamDigestAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (cached, flight) = Begin();
        if (cached is not null)
        {
            yield return CollectionEvent.Result(cached);
            yield break;
        }

        await foreach (var e in Flights.ReplayAsync(flight!, cancellationToken).WithCancellation(cancellationToken))
        {
            yield return e;
        }
    }

    private (CollectionDigest? Cached, Flight<CollectionEvent, CollectionDigest>? Flight) Begin()
    {
        var definition = state.State.Definition ?? throw new CollectionNotFoundException(this.GetPrimaryKeyString());
        if (state.State.Digest is { } digest)
        {
            return (digest with { Cached = true }, null);
        }

        backends.Get(definition.Spec.Backend); // an unknown backend fails the caller, not a flight
        return (null, Flights.GetOrStart(DigestKey, async flight =>
        {
            var result = await CollectionDigester.RunAsync(definition, new GrainCollectionArticles(grains, backends), flight.Publish, flight.Cancellation);
            if (!result.Degraded && result.Articles.All(a => a.Problem is null || a.ArticleId is null))
            {
                // Kept only when whole: a degraded part or an article that failed for now is tried again next time.
                state.State.Digest = result;
                await state.WriteStateAsync(CancellationToken.None);
            }

            flight.Publish(CollectionEvent.Result(result));
            return result;
        }));
    }
}

/// <summary>The articles of a collection through their own grains; a model's combined brief through a summarizer grain (placed at random, kept by its key).</summary>
internal sealed class GrainCollectionArticles(IGrainFactory grains, IBackendCatalog backends) : ICollectionArticles
{
    public Task<ArticleInfo?> InfoAsync(string articleId, CancellationToken cancellationToken) =>
        grains.GetGrain<IArticleGrain>(articleId).GetInfoAsync(cancellationToken);

    public Task<string?> TextAsync(string articleId, CancellationToken cancellationToken) =>
        grains.GetGrain<IArticleGrain>(articleId).GetTextAsync(cancellationToken);

    public Task<Brief> BriefAsync(string articleId, BriefOptions options, CancellationToken cancellationToken) =>
        grains.GetGrain<IArticleGrain>(articleId).GetBriefAsync(options, cancellationToken);

    public Task<QuoteDigest> QuotesAsync(string articleId, int max, string? backend, CancellationToken cancellationToken) =>
        grains.GetGrain<IArticleGrain>(articleId).GetKeyQuotesAsync(max, backend, cancellationToken);

    public async Task<Brief?> CombineAsync(string briefs, BriefLength length, string? backend, CancellationToken cancellationToken)
    {
        var chosen = backends.Get(backend);
        if (string.Equals(chosen.Provider, ExtractiveBackend.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = BriefSpec.SummarizerKey(ArticleId.Compute(briefs), "combine-" + BriefSpec.For(length, chosen));
        var work = new SummarizeWork(briefs, "Collection", SummaryTarget.Combine(length), chosen.Name);
        return await grains.GetGrain<ISummarizerGrain>(key).SummarizeAsync(work, cancellationToken);
    }
}
