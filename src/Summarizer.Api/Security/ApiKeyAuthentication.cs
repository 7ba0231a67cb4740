using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summarizer.Api;

/// <summary>
/// Reads a key from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> and checks it
/// against <see cref="ApiKeyRing"/>. The key itself is never logged, stored or echoed: only its id
/// (first 12 hex digits of its hash) becomes the caller's identity.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string BadKeyItem = "summarizer.auth.bad-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.Enabled)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Match(presented) is not { } id)
        {
            Context.Items[BadKeyItem] = true;
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one of the configured keys."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var badKey = Context.Items.ContainsKey(BadKeyItem);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = badKey
            ? "Bearer realm=\"summarizer\", error=\"invalid_token\", error_description=\"The API key is not valid.\""
            : "Bearer realm=\"summarizer\"";
        var problem = Problems.UnauthorizedDetails(badKey
            ? "The API key is not valid."
            : $"An API key is required: send it as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.");
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    /// <summary>The key in <c>X-Api-Key</c>, else the token of a <c>Bearer</c> authorization; null when neither is sent.</summary>
    internal static string? Presented(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}

/// <summary>Passes when keys are off, or the request authenticated with one.</summary>
internal sealed class ApiCallerRequirement : Microsoft.AspNetCore.Authorization.AuthorizationHandler<ApiCallerRequirement>, Microsoft.AspNetCore.Authorization.IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context, ApiCallerRequirement requirement)
    {
        var keys = (context.Resource as HttpContext)?.RequestServices.GetService(typeof(ApiKeyRing)) as ApiKeyRing;
        if (keys is null || !keys.Enabled || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
