namespace Summarizer.Grains.Limits;

/// <summary>
/// A token bucket over a <see cref="TimeProvider"/>: <c>perMinute</c> tokens a minute, at most
/// <c>capacity</c> kept. Starts full. Not thread-safe (a grain's turns are serial).
/// </summary>
public sealed class TokenBucket(TimeProvider time, double capacity, double perMinute)
{
    private double _tokens = capacity;
    private DateTimeOffset _at = time.GetUtcNow();

    public double Capacity { get; private set; } = capacity;

    public double PerMinute { get; private set; } = perMinute;

    /// <summary>Tokens available now.</summary>
    public double Available
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    /// <summary>Changes the rate and capacity (configuration changed) without losing what is saved, up to the new capacity.</summary>
    public void Reshape(double capacity, double perMinute)
    {
        Refill();
        Capacity = capacity;
        PerMinute = perMinute;
        _tokens = Math.Min(_tokens, capacity);
    }

    /// <summary>Takes <paramref name="count"/> tokens when that many are there; otherwise none, and how long until they are.</summary>
    public (bool Taken, TimeSpan RetryAfter) TryTake(double count = 1)
    {
        Refill();
        if (_tokens >= count)
        {
            _tokens -= count;
            return (true, TimeSpan.Zero);
        }

        return (false, Until(count));
    }

    /// <summary>Takes <paramref name="count"/> tokens even when that leaves a debt (a cost known only afterwards); a negative count gives tokens back, up to the capacity.</summary>
    public void Charge(double count)
    {
        Refill();
        _tokens = Math.Min(Capacity, _tokens - count);
    }

    /// <summary>How long until <paramref name="count"/> tokens are there (never for more than the capacity: that long anyway).</summary>
    public TimeSpan Until(double count)
    {
        Refill();
        var missing = Math.Min(count, Capacity) - _tokens;
        return missing <= 0 || PerMinute <= 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(missing / PerMinute);
    }

    private void Refill()
    {
        var now = time.GetUtcNow();
        var elapsed = (now - _at).TotalMinutes;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Capacity, _tokens + (elapsed * PerMinute));
            _at = now;
        }
    }
}
