using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Summarizer.Api;

/// <summary>
/// The HTTP surface, as a library: the embedded silo and the gateway both map it. One file per
/// resource (<see cref="DigestsApi"/>, <see cref="ArticlesApi"/>, <see cref="ClusterApi"/>); filters
/// that apply to a whole group are added to that group here or in the resource's file.
/// </summary>
public static class SummarizerApi
{
    public static IEndpointRouteBuilder MapSummarizerApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var v1 = app.MapGroup("/v1").WithTags("Summarizer")
            .RequireAuthorization(ApiSecurity.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable) // no silo reachable, on every operation
            .AddEndpointFilter<RequestPartFilter>();
        v1.MapDigestsApi();
        v1.MapArticlesApi();
        v1.MapCollectionsApi();
        v1.MapClusterApi();
        v1.MapUsageApi();
        return app;
    }
}
