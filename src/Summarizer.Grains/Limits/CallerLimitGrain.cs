using Summarizer.Contracts;

namespace Summarizer.Grains.Limits;

/// <summary>
/// One caller's request bucket and open streams, shared by every gateway of the cluster. Kept in
/// memory only: when the grain is idle long enough to be deactivated, its bucket would have
/// refilled anyway, and open streams are leases that end by themselves.
/// </summary>
public sealed class CallerLimitGrain(LimitsClock clock) : Grain, ICallerLimitGrain
{
    private readonly Dictionary<Guid, DateTimeOffset> _streams = [];
    private TokenBucket? _bucket;

    public Task<LimitDecision> TryTakeAsync(RateLimitSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var capacity = Math.Max(1, spec.Burst);
        if (_bucket is null)
        {
            _bucket = new TokenBucket(clock.Time, capacity, spec.PermitsPerMinute);
        }
        else if (_bucket.Capacity != capacity || _bucket.PerMinute != spec.PermitsPerMinute)
        {
            _bucket.Reshape(capacity, spec.PermitsPerMinute);
        }

        var (taken, retryAfter) = _bucket.TryTake();
        return Task.FromResult(new LimitDecision(taken, retryAfter, (int)Math.Floor(_bucket.Available)));
    }

    public Task<LimitDecision> TryOpenStreamAsync(Guid stream, StreamLimitSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = clock.Now;
        foreach (var expired in _streams.Where(s => s.Value <= now).Select(s => s.Key).ToList())
        {
            _streams.Remove(expired);
        }

        if (_streams.Count >= spec.MaxStreams && !_streams.ContainsKey(stream))
        {
            var soonest = _streams.Values.Min() - now;
            return Task.FromResult(new LimitDecision(false, soonest, 0));
        }

        _streams[stream] = now + spec.Lease;
        return Task.FromResult(new LimitDecision(true, TimeSpan.Zero, spec.MaxStreams - _streams.Count));
    }

    public Task CloseStreamAsync(Guid stream)
    {
        _streams.Remove(stream);
        return Task.CompletedTask;
    }
}
