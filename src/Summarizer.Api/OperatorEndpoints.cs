using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Summarizer.Api;

/// <summary>
/// Endpoints for operators rather than API clients: the Scalar API reference at <see cref="DocsPath"/>
/// (here) and the Orleans dashboard (mapped by the silo host), both protected like <c>/metrics</c>.
/// </summary>
public static class OperatorEndpoints
{
    /// <summary>The authorization policy the API's security declares (API keys); <c>/metrics</c> requires it too.</summary>
    public const string ApiPolicyName = ApiSecurity.PolicyName;

    public const string DocsPath = "/docs";

    /// <summary>
    /// Requires <see cref="ApiPolicyName"/> whenever the host has that policy; a host without it serves
    /// the endpoints as it serves <c>/metrics</c>.
    /// </summary>
    public static TBuilder ProtectLikeMetrics<TBuilder>(this TBuilder endpoints, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IOptions<AuthorizationOptions>>()?.Value.GetPolicy(ApiPolicyName) is not null)
        {
            endpoints.RequireAuthorization(ApiPolicyName);
        }

        return endpoints;
    }

    /// <summary>The Scalar API reference over <c>/openapi/v1.json</c>.</summary>
    internal static IEndpointRouteBuilder MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(DocsPath, o => o.WithTitle("Summarizer API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .ProtectLikeMetrics(app.Services);
        return app;
    }
}
