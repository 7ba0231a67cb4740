using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// Query parameters of the brief endpoints (<c>?length=&amp;backend=&amp;verify=</c>), bound with
/// <c>[AsParameters]</c> so OpenAPI lists them; <see cref="RequestPartFilter"/> answers a bad value.
/// </summary>
public sealed record BriefQuery(
    [property: FromQuery(Name = "length")] string? Length,
    [property: FromQuery(Name = "backend")] string? Backend,
    [property: FromQuery(Name = "verify")] string? Verify = null) : IRequestPart
{
    public ProblemHttpResult? Problem => ApiParameters.Length(Length, out _) ?? ApiParameters.Verify(Verify, out _);

    /// <summary><c>verify=strict</c> was asked for (the brief without its flagged sentences).</summary>
    public bool Strict => ApiParameters.Verify(Verify, out var strict) is null && strict;

    /// <summary>The preset asked for (valid once the filter let the request through).</summary>
    public BriefLength Preset => ApiParameters.Length(Length, out var preset) is null ? preset : BriefLength.Short;

    public BriefOptions ToOptions() => new(Preset, Backend);
}
