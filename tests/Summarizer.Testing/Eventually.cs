namespace Summarizer.Testing;

/// <summary>
/// Waiting for a state of another process-like part (cluster membership, readiness) that raises no
/// event a test can await. The limit is a bound against hanging, never a measurement.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(limit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds} s.");
            }
        }
    }
}
