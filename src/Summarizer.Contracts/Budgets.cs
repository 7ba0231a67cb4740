namespace Summarizer.Contracts;

/// <summary>
/// The cluster-wide budget of one backend (keyed by backend name): concurrent calls
/// (<c>ClusterMaxConcurrency</c>, a slot per call with a bounded cluster-wide queue) and the minute's
/// requests and tokens (<c>RequestsPerMinute</c>, <c>TokensPerMinute</c>, token buckets that silos take
/// from in batches and spend locally). Every silo asks the same grain, so the limits hold for the
/// cluster however many silos there are.
/// </summary>
public interface IBackendBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// A concurrency slot named <see cref="SlotRequest.Slot"/>: at once when one is free, else after the
    /// calls queued before it, at most <see cref="BudgetSpec.MaxWait"/>; refused when the queue is full.
    /// </summary>
    [ResponseTimeout("00:10:00")] // it may wait for a slot up to BudgetWaitSeconds
    Task<SlotGrant> AcquireSlotAsync(SlotRequest request, CancellationToken cancellationToken = default);

    /// <summary>Frees a slot (idempotent) and hands it to the oldest waiting call.</summary>
    Task ReleaseSlotAsync(Guid slot);

    /// <summary>Takes a batch of request and token permits: between the minimum and what was asked for, or none and how long until the minimum is there.</summary>
    Task<RateGrant> TakeRateAsync(RateRequest request);

    /// <summary>Corrects the token bucket once a call's real usage is known (positive: it used more than it reserved).</summary>
    Task SettleTokensAsync(long tokens, BudgetSpec spec);
}

/// <summary>A backend's cluster budget as configured (null: that limit is off).</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetSpec(
    [property: Id(0)] int? MaxConcurrency,
    [property: Id(1)] int? RequestsPerMinute,
    [property: Id(2)] int? TokensPerMinute,
    [property: Id(3)] int MaxQueue,
    [property: Id(4)] TimeSpan MaxWait,
    [property: Id(5)] TimeSpan SlotLease);

[GenerateSerializer, Immutable]
public sealed record SlotRequest([property: Id(0)] Guid Slot, [property: Id(1)] BudgetSpec Spec);

[GenerateSerializer, Immutable]
public sealed record SlotGrant([property: Id(0)] bool Granted, [property: Id(1)] TimeSpan RetryAfter, [property: Id(2)] string? Reason);

[GenerateSerializer, Immutable]
public sealed record RateRequest(
    [property: Id(0)] int MinRequests,
    [property: Id(1)] int WantRequests,
    [property: Id(2)] long MinTokens,
    [property: Id(3)] long WantTokens,
    [property: Id(4)] BudgetSpec Spec);

[GenerateSerializer, Immutable]
public sealed record RateGrant([property: Id(0)] int Requests, [property: Id(1)] long Tokens, [property: Id(2)] TimeSpan RetryAfter);

/// <summary>
/// Usage of one caller (an API key id, or <c>ip:&lt;address&gt;</c>), per backend, for the whole
/// cluster: every model call is recorded by the silo that made it under the caller whose request
/// started it.
/// </summary>
public interface IUsageGrain : IGrainWithStringKey
{
    Task RecordAsync(string backend, int inputTokens, int outputTokens);

    [Idempotent]
    Task<IReadOnlyList<BackendUsage>> GetAsync();
}

/// <summary>Calls and tokens of one caller on one backend.</summary>
[GenerateSerializer, Immutable]
public sealed record BackendUsage(
    [property: Id(0)] string Backend,
    [property: Id(1)] long Calls,
    [property: Id(2)] long InputTokens,
    [property: Id(3)] long OutputTokens);
