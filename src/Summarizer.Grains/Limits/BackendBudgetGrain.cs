using Orleans.Concurrency;
using Summarizer.Contracts;

namespace Summarizer.Grains.Limits;

/// <summary>
/// One backend's budget for the cluster. Concurrency: a slot per call, held under a lease (the call's
/// longest life plus a margin, so the slots of a silo that died come back), and a FIFO of waiting
/// calls from every silo, each waiting at most <see cref="BudgetSpec.MaxWait"/>. Requests and tokens a
/// minute: token buckets that silos take batches from. Reentrant, so waiting calls do not block
/// releases; every turn's changes are synchronous, so no state is read across an await. Kept in
/// memory: a restarted budget starts with full buckets and no slots held, which can let at most one
/// minute's budget through twice, never hold calls forever.
/// </summary>
[Reentrant]
public sealed class BackendBudgetGrain(LimitsClock clock) : Grain, IBackendBudgetGrain
{
    private readonly Dictionary<Guid, DateTimeOffset> _slots = [];
    private readonly LinkedList<Waiter> _waiting = [];
    private TokenBucket? _requests;
    private TokenBucket? _tokens;

    public async Task<SlotGrant> AcquireSlotAsync(SlotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = request.Spec;
        if (spec.MaxConcurrency is not { } max)
        {
            return new SlotGrant(true, TimeSpan.Zero, null);
        }

        Expire();
        if (_slots.ContainsKey(request.Slot) || (_slots.Count < max && _waiting.Count == 0))
        {
            _slots[request.Slot] = clock.Now + spec.SlotLease;
            return new SlotGrant(true, TimeSpan.Zero, null);
        }

        if (_waiting.Count >= spec.MaxQueue || spec.MaxWait <= TimeSpan.Zero)
        {
            return new SlotGrant(false, RetryAfter(spec), $"{max} calls are running in the cluster and {_waiting.Count} are waiting (the most allowed: {spec.MaxQueue}).");
        }

        var waiter = new Waiter(request.Slot, spec.SlotLease);
        var node = _waiting.AddLast(waiter);
        using var timeout = new CancellationTokenSource(spec.MaxWait, clock.Time);
        using var onTimeout = timeout.Token.Register(() => waiter.Outcome.TrySetResult(false));
        using var onCancel = cancellationToken.Register(() => waiter.Outcome.TrySetResult(false));
        var granted = await waiter.Outcome.Task;
        if (node.List is not null)
        {
            _waiting.Remove(node);
        }

        return granted
            ? new SlotGrant(true, TimeSpan.Zero, null)
            : new SlotGrant(false, RetryAfter(spec), $"No slot of the {max} in the cluster came free within {spec.MaxWait.TotalSeconds:0} s.");
    }

    public Task ReleaseSlotAsync(Guid slot)
    {
        if (_slots.Remove(slot))
        {
            HandOver();
        }

        return Task.CompletedTask;
    }

    public Task<RateGrant> TakeRateAsync(RateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = request.Spec;
        var requests = Bucket(ref _requests, spec.RequestsPerMinute);
        var tokens = Bucket(ref _tokens, spec.TokensPerMinute);

        // A call larger than the whole bucket waits for a full bucket, then runs into debt.
        var minTokens = tokens is null ? 0 : Math.Min(request.MinTokens, (long)tokens.Capacity);
        var wait = TimeSpan.Zero;
        if (requests is not null && requests.Available < request.MinRequests)
        {
            wait = requests.Until(request.MinRequests);
        }

        if (tokens is not null && tokens.Available < minTokens)
        {
            wait = Max(wait, tokens.Until(minTokens));
        }

        if (wait > TimeSpan.Zero)
        {
            return Task.FromResult(new RateGrant(0, 0, wait));
        }

        var grantedRequests = requests is null ? request.WantRequests : (int)Math.Clamp(Math.Floor(requests.Available), request.MinRequests, request.WantRequests);
        var grantedTokens = tokens is null ? request.WantTokens : Math.Max(request.MinTokens, Math.Min(request.WantTokens, (long)Math.Floor(tokens.Available)));
        requests?.Charge(grantedRequests);
        tokens?.Charge(grantedTokens);
        return Task.FromResult(new RateGrant(grantedRequests, grantedTokens, TimeSpan.Zero));
    }

    public Task SettleTokensAsync(long tokens, BudgetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Bucket(ref _tokens, spec.TokensPerMinute)?.Charge(tokens);
        return Task.CompletedTask;
    }

    /// <summary>The bucket for a per-minute limit (started full, reshaped when the setting changed), or null when it is off.</summary>
    private TokenBucket? Bucket(ref TokenBucket? bucket, int? perMinute)
    {
        if (perMinute is not { } rate)
        {
            bucket = null;
            return null;
        }

        if (bucket is null)
        {
            bucket = new TokenBucket(clock.Time, rate, rate);
        }
        else if (Math.Abs(bucket.PerMinute - rate) > 0.5)
        {
            bucket.Reshape(rate, rate);
        }

        return bucket;
    }

    /// <summary>Frees slots whose lease ran out (their silo died or lost track) and hands them on.</summary>
    private void Expire()
    {
        var now = clock.Now;
        var expired = _slots.Where(s => s.Value <= now).Select(s => s.Key).ToList();
        foreach (var slot in expired)
        {
            _slots.Remove(slot);
        }

        if (expired.Count > 0)
        {
            HandOver();
        }
    }

    /// <summary>Gives a free slot to the oldest call still waiting (one whose wait ended is skipped).</summary>
    private void HandOver()
    {
        while (_waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            if (first.Value.Outcome.TrySetResult(true))
            {
                _slots[first.Value.Slot] = clock.Now + first.Value.Lease;
                return;
            }
        }
    }

    /// <summary>What a refused call is told to wait: about one call's share of a slot, at least a second.</summary>
    private static TimeSpan RetryAfter(BudgetSpec spec) => TimeSpan.FromSeconds(Math.Clamp(spec.MaxWait.TotalSeconds / 4, 1, 30));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Waiter(Guid slot, TimeSpan lease)
    {
        public Guid Slot { get; } = slot;

        public TimeSpan Lease { get; } = lease;

        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
