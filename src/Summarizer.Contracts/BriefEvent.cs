namespace Summarizer.Contracts;

/// <summary>What a <see cref="BriefEvent"/> reports.</summary>
[GenerateSerializer]
public enum BriefEventKind
{
    /// <summary>A step finished: <see cref="BriefEvent.Stage"/>, <see cref="BriefEvent.Done"/> of <see cref="BriefEvent.Total"/>.</summary>
    Progress = 0,

    /// <summary>A piece of the final brief's text, in order.</summary>
    Token = 1,

    /// <summary>The final brief; the last event.</summary>
    Result = 2,
}

/// <summary>
/// One event of a brief being computed. Progress: stage <c>map</c> (chunk summaries done of total)
/// or <c>reduce</c> (at <see cref="Level"/>, groups done of total); Token: <see cref="Text"/>;
/// Result: <see cref="Brief"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BriefEvent(
    [property: Id(0)] BriefEventKind Kind,
    [property: Id(1)] string? Stage = null,
    [property: Id(2)] int Done = 0,
    [property: Id(3)] int Total = 0,
    [property: Id(4)] int Level = 0,
    [property: Id(5)] string? Text = null,
    [property: Id(6)] Brief? Brief = null)
{
    public static BriefEvent Progress(string stage, int done, int total, int level = 0) => new(BriefEventKind.Progress, stage, done, total, level);

    public static BriefEvent Token(string text) => new(BriefEventKind.Token, Text: text);

    public static BriefEvent Result(Brief brief) => new(BriefEventKind.Result, Brief: brief);
}
