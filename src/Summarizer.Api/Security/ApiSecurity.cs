using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// API keys (<c>Summarizer:Auth</c>): the <see cref="ApiKeyAuthenticationHandler"/> scheme, the one
/// authorization policy <see cref="PolicyName"/> that <c>/v1</c>, <c>/metrics</c> and any dashboard
/// require, the caller id, and the loopback-only guard when no keys are configured.
/// </summary>
public static partial class ApiSecurity
{
    /// <summary>The policy every protected endpoint names: a key when keys are configured, otherwise anyone (loopback only unless Mode=None).</summary>
    public const string PolicyName = "SummarizerApi";

    internal static IServiceCollection AddSummarizerSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName)
            .Validate(o => o.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).All(k => ApiKeyRing.Parse(k.Trim()) is not null),
                $"{AuthOptions.SectionName}:ApiKeys must hold SHA-256 hashes written 'sha256:<64 hex digits>' (never the keys themselves).")
            .Validate(o => !o.KeysRequired || o.Mode == AuthMode.None || o.ApiKeys.Any(k => !string.IsNullOrWhiteSpace(k)),
                $"{AuthOptions.SectionName}:ApiKeys is empty: this host serves the network and needs at least one key; set {AuthOptions.SectionName}:Mode=None to serve without keys.")
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.PermitsPerMinute is null or > 0, $"{RateLimitOptions.SectionName}:PermitsPerMinute must be positive (or unset: no limit).")
            .Validate(o => o.Burst is null or > 0, $"{RateLimitOptions.SectionName}:Burst must be positive.")
            .Validate(o => o.MaxConcurrentStreams is null or > 0, $"{RateLimitOptions.SectionName}:MaxConcurrentStreams must be positive (or unset: no limit).")
            .Validate(o => o.MaxStreamSeconds is null or > 0, $"{RateLimitOptions.SectionName}:MaxStreamSeconds must be positive (or unset: no limit).")
            .ValidateOnStart();
        services.TryAddSingleton(LimitsClock.System);
        services.AddSingleton<ApiKeyRing>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ApiCallerRequirement>();
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, p => p.AddRequirements(new ApiCallerRequirement()));
        return services;
    }

    /// <summary>For hosts that face the network (the gateway): no keys and no explicit <c>Mode=None</c> stops the host at start.</summary>
    public static IServiceCollection RequireApiKeys(this IServiceCollection services) =>
        services.PostConfigure<AuthOptions>(o => o.KeysRequired = true);

    internal static WebApplication UseSummarizerSecurity(this WebApplication app)
    {
        // Read once the host has started: a bad setting then fails the start (ValidateOnStart), not the pipeline's construction.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var keys = app.Services.GetRequiredService<ApiKeyRing>();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiSecurity));
            if (keys.LoopbackOnly)
            {
                LogLoopbackOnly(logger, AuthOptions.SectionName);
            }
            else if (keys.Mode == AuthMode.None)
            {
                LogNoAuth(logger, AuthOptions.SectionName);
            }
        });
        app.Use(LoopbackOnly.GuardAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(CallerIdentity.SetAsync);
        app.Use(CallerLimits.LimitAsync);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys configured ({Section}:ApiKeys): serving clients on this machine (loopback) only. Configure keys, or set {Section}:Mode=None to serve every address without keys.")]
    private static partial void LogLoopbackOnly(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section}:Mode=None: the API is served to every address without keys.")]
    private static partial void LogNoAuth(ILogger logger, string section);
}
