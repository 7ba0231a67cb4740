namespace Summarizer.Contracts;

/// <summary>
/// The clock of request limits and model budgets (token buckets, stream and permit leases, the time
/// limit of a stream). <see cref="TimeProvider.System"/> unless a test swaps it for a fake one; kept
/// apart from the <see cref="TimeProvider"/> that Orleans and ASP.NET Core use themselves, so a test
/// that moves this clock does not stop membership, timers or Kestrel.
/// </summary>
public sealed class LimitsClock(TimeProvider time)
{
    public static LimitsClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    public DateTimeOffset Now => Time.GetUtcNow();
}
