using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Summarizer.Api;

/// <summary>The <c>?verify=off|strict</c> query parameter of a digest read back (collections); <see cref="RequestPartFilter"/> answers a bad value.</summary>
public sealed record VerifyQuery([property: FromQuery(Name = "verify")] string? Verify) : IRequestPart
{
    public ProblemHttpResult? Problem => ApiParameters.Verify(Verify, out _);

    /// <summary><c>verify=strict</c>: briefs without their flagged sentences.</summary>
    public bool Strict => ApiParameters.Verify(Verify, out var strict) is null && strict;
}
