using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Summarizer.Api;

/// <summary>Query parameters of <c>GET /v1/articles/{id}/quotes</c> (<c>?max=&amp;backend=</c>).</summary>
public sealed record QuotesQuery(
    [property: FromQuery(Name = "max")] string? Max,
    [property: FromQuery(Name = "backend")] string? Backend,
    [property: FromServices] IOptions<ApiOptions> Options) : IRequestPart
{
    public ProblemHttpResult? Problem => Parse(out _);

    /// <summary>How many quotes at most (valid once the filter let the request through).</summary>
    public int Count => Parse(out var count) is null ? count : Options.Value.DefaultMaxQuotes;

    private ProblemHttpResult? Parse(out int count) =>
        ApiParameters.Count("max", Max, Options.Value.DefaultMaxQuotes, Options.Value.MaxQuotesLimit, out count);
}
