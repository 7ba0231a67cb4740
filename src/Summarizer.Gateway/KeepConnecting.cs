namespace Summarizer.Gateway;

/// <summary>
/// Keeps trying to reach the cluster, every 2 s, until the host stops: a gateway started before any
/// silo (or while all are restarting) connects as soon as one is up, and reports not-ready until then.
/// </summary>
internal sealed partial class KeepConnecting(ILogger<KeepConnecting> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetry(logger, exception.Message);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo reachable yet ({Reason}); retrying in 2 s")]
    private static partial void LogRetry(ILogger logger, string reason);
}
