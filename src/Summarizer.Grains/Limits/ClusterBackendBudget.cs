using System.Collections.Concurrent;
using Summarizer.Backends;
using Summarizer.Contracts;

namespace Summarizer.Grains.Limits;

/// <summary>
/// A silo's side of the cluster budgets (<see cref="IBackendBudget"/>): before a model call it takes a
/// concurrency slot from the backend's <see cref="IBackendBudgetGrain"/> (when
/// <c>ClusterMaxConcurrency</c> is set) and one request and the call's estimated tokens from a batch the
/// silo took from the same grain (when <c>RequestsPerMinute</c>/<c>TokensPerMinute</c> are set; a batch
/// is about a second's budget, kept at most <see cref="BatchLife"/>, so the grain sees a call per batch,
/// not per model call). After the call it frees the slot, settles the tokens the provider reported, and
/// records the call under the caller of the request (<see cref="IUsageGrain"/>).
/// </summary>
public sealed class ClusterBackendBudget(IGrainFactory grains, LimitsClock clock) : IBackendBudget
{
    /// <summary>How long a silo keeps request and token permits it took; unused ones are then dropped (never more than the budget).</summary>
    public static readonly TimeSpan BatchLife = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, LocalBatch> _batches = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<IBudgetLease> AcquireAsync(ISummaryBackend backend, int estimatedTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var name = backend.Name;
        var caller = CallerContext.Current;
        if (backend.Limits.ClusterBudget is not { } o)
        {
            return new Lease(this, name, null, null, estimatedTokens, caller);
        }

        var spec = new BudgetSpec(o.MaxConcurrency, o.RequestsPerMinute, o.TokensPerMinute, o.MaxQueue,
            o.MaxWait, backend.Limits.Timeout + TimeSpan.FromSeconds(60));
        var deadline = clock.Now + spec.MaxWait;
        var budget = grains.GetGrain<IBackendBudgetGrain>(name);
        Guid? slot = null;
        if (spec.MaxConcurrency is not null)
        {
            var id = Guid.NewGuid();
            var grant = await budget.AcquireSlotAsync(new SlotRequest(id, spec), cancellationToken);
            if (!grant.Granted)
            {
                throw Refused(name, grant.Reason ?? "the cluster's calls are all busy", grant.RetryAfter);
            }

            slot = id;
        }

        try
        {
            if (spec.RequestsPerMinute is not null || spec.TokensPerMinute is not null)
            {
                await TakeRateAsync(name, budget, spec, estimatedTokens, deadline, cancellationToken);
            }
        }
        catch
        {
            if (slot is { } taken)
            {
                await budget.ReleaseSlotAsync(taken);
            }

            throw;
        }

        return new Lease(this, name, spec, slot, estimatedTokens, caller);
    }

    /// <summary>One request and <paramref name="tokens"/> from the silo's batch, refilled from the grain; waits for the bucket while that fits before <paramref name="deadline"/>.</summary>
    private async Task TakeRateAsync(string backend, IBackendBudgetGrain budget, BudgetSpec spec, int tokens, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var batch = _batches.GetOrAdd(backend, _ => new LocalBatch());
        var needTokens = spec.TokensPerMinute is null ? 0 : tokens;
        while (true)
        {
            await batch.Gate.WaitAsync(cancellationToken);
            TimeSpan wait;
            try
            {
                if (batch.TryTake(clock.Now, needTokens))
                {
                    return;
                }

                var wantRequests = spec.RequestsPerMinute is { } rpm ? Math.Max(1, rpm / 60) : 1;
                var wantTokens = spec.TokensPerMinute is { } tpm ? Math.Max(needTokens, tpm / 60) : 0;
                var grant = await budget.TakeRateAsync(new RateRequest(1, wantRequests, needTokens, wantTokens, spec));
                if (grant.Requests > 0)
                {
                    batch.Refill(grant.Requests, grant.Tokens, clock.Now + BatchLife);
                    continue;
                }

                wait = grant.RetryAfter;
            }
            finally
            {
                batch.Gate.Release();
            }

            if (clock.Now + wait > deadline)
            {
                throw Refused(backend, $"the cluster's budget of {Describe(spec)} is spent", wait);
            }

            await Task.Delay(wait, clock.Time, cancellationToken);
        }
    }

    private static BackendFailureException Refused(string backend, string why, TimeSpan retryAfter) =>
        new(backend, BackendFailureKind.Unavailable, $"Backend '{backend}' is over its cluster budget: {why}; retry after the time in Retry-After.",
            retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);

    private static string Describe(BudgetSpec spec) => string.Join(" and ", new[]
    {
        spec.RequestsPerMinute is { } r ? $"{r} requests a minute" : null,
        spec.TokensPerMinute is { } t ? $"{t} tokens a minute" : null,
    }.Where(s => s is not null));

    private async Task ReleaseAsync(Lease lease, TokenUsage? usage)
    {
        var budget = grains.GetGrain<IBackendBudgetGrain>(lease.Backend);
        if (lease.Slot is { } slot)
        {
            await budget.ReleaseSlotAsync(slot);
        }

        if (usage is not null && lease.Spec?.TokensPerMinute is not null)
        {
            var delta = (long)usage.InputTokens + usage.OutputTokens - lease.EstimatedTokens;
            if (delta != 0)
            {
                await budget.SettleTokensAsync(delta, lease.Spec);
            }
        }

        if (lease.Caller is { } caller)
        {
            await grains.GetGrain<IUsageGrain>(caller).RecordAsync(lease.Backend, usage?.InputTokens ?? 0, usage?.OutputTokens ?? 0);
        }
    }

    private sealed class Lease(ClusterBackendBudget owner, string backend, BudgetSpec? spec, Guid? slot, int estimatedTokens, string? caller) : IBudgetLease
    {
        private TokenUsage? _usage;
        private int _disposed;

        public string Backend { get; } = backend;

        public BudgetSpec? Spec { get; } = spec;

        public Guid? Slot { get; } = slot;

        public int EstimatedTokens { get; } = estimatedTokens;

        public string? Caller { get; } = caller;

        public void Used(TokenUsage? usage) => _usage = usage;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await owner.ReleaseAsync(this, _usage);
            }
        }
    }

    /// <summary>Request and token permits this silo took from the grain and has not spent yet.</summary>
    private sealed class LocalBatch
    {
        private int _requests;
        private long _tokens;
        private DateTimeOffset _expires;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool TryTake(DateTimeOffset now, long tokens)
        {
            if (now >= _expires || _requests < 1 || _tokens < tokens)
            {
                return false;
            }

            _requests--;
            _tokens -= tokens;
            return true;
        }

        public void Refill(int requests, long tokens, DateTimeOffset expires)
        {
            _requests = requests;
            _tokens = tokens;
            _expires = expires;
        }
    }
}
