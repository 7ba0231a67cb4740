namespace Summarizer.Testing.ModelServers;

/// <summary>One scripted reply: a fault, a delay, garbage, or an answer.</summary>
public abstract record Step
{
    /// <summary>An HTTP error, with Retry-After when given.</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null) : Step;

    /// <summary>Waits, then answers normally (or is cut off by the client's timeout).</summary>
    public sealed record Delay(TimeSpan Wait) : Step;

    /// <summary>200 with a body that is not the protocol's JSON.</summary>
    public sealed record Malformed : Step;

    /// <summary>200 with this model text instead of the default answer.</summary>
    public sealed record Answer(string Text) : Step;
}
