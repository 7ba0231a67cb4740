namespace Summarizer.Contracts;

/// <summary>
/// The limits of one caller (an API key id, or <c>ip:&lt;address&gt;</c>), for the whole cluster: every
/// gateway asks the same grain, so a key's budget is one budget however many gateways serve it.
/// </summary>
public interface ICallerLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes one request permit from the caller's token bucket, or says how long until one is free.</summary>
    Task<LimitDecision> TryTakeAsync(RateLimitSpec spec);

    /// <summary>Opens stream <paramref name="stream"/> if fewer than <see cref="StreamLimitSpec.MaxStreams"/> are open.</summary>
    Task<LimitDecision> TryOpenStreamAsync(Guid stream, StreamLimitSpec spec);

    /// <summary>Closes a stream opened by <see cref="TryOpenStreamAsync"/> (idempotent).</summary>
    Task CloseStreamAsync(Guid stream);
}

/// <summary>A token bucket: <see cref="PermitsPerMinute"/> refill, at most <see cref="Burst"/> saved up.</summary>
[GenerateSerializer, Immutable]
public sealed record RateLimitSpec(
    [property: Id(0)] int PermitsPerMinute,
    [property: Id(1)] int Burst);

/// <summary>
/// At most <see cref="MaxStreams"/> open at once; a stream counts for at most <see cref="Lease"/>
/// (its longest life plus a margin), so a gateway that died with streams open frees them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamLimitSpec(
    [property: Id(0)] int MaxStreams,
    [property: Id(1)] TimeSpan Lease);

/// <summary>Allowed, or refused with how long to wait before asking again.</summary>
[GenerateSerializer, Immutable]
public sealed record LimitDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] TimeSpan RetryAfter,
    [property: Id(2)] int Remaining);
