namespace Summarizer.Contracts;

/// <summary>
/// The one clock of Summarizer's own time-dependent code: request limits and model budgets (token
/// buckets, stream and permit leases), the backends' failure memory and circuit breaker, the gateway's
/// retries, and the grains' timestamps and TTLs. It is a <see cref="TimeProvider"/> (Polly, timers and
/// <c>Task.Delay</c> take it as one) that forwards to an inner provider, <see cref="TimeProvider.System"/>
/// unless a test gives a fake one. It is registered as its own type and never as the host's
/// <see cref="TimeProvider"/>, which Orleans (membership, grain timers, collection) and Kestrel read:
/// a test that moves this clock moves every limit, budget and breaker together without stopping them.
/// </summary>
public sealed class SummarizerClock(TimeProvider inner) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The system clock.</summary>
    public static SummarizerClock Default { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
