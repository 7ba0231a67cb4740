using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summarizer.Api.Transport;
using Summarizer.Contracts;
using Summarizer.Extraction;
using Summarizer.Fetching;

namespace Summarizer.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>ProblemDetails for every error, the exception mapping, API keys (<c>Summarizer:Auth</c>), OpenAPI, <c>Summarizer:Api</c> options, the URL policy and the article extractor.</summary>
    public static IServiceCollection AddSummarizerApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, $"{ApiOptions.SectionName}:MaxBodyBytes must be positive.")
            .Validate(o => o.MaxTitleChars is > 0 and <= Summarizer.Text.ArticleNormalizer.MaxTitleChars, $"{ApiOptions.SectionName}:MaxTitleChars must be between 1 and {Summarizer.Text.ArticleNormalizer.MaxTitleChars}.")
            .Validate(o => o.DefaultMaxQuotes >= 0 && o.DefaultMaxQuotes <= o.MaxQuotesLimit, $"{ApiOptions.SectionName}:DefaultMaxQuotes must be between 0 and MaxQuotesLimit.")
            .ValidateOnStart();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier);
            if (ctx.ProblemDetails.Type is null or "" || ctx.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                // Framework-made problems (unknown route, wrong method) get our stable types too.
                ctx.ProblemDetails.Type = Problems.TypeBase + (ctx.ProblemDetails.Status switch
                {
                    StatusCodes.Status404NotFound => "not-found",
                    StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
                    StatusCodes.Status400BadRequest => "malformed-request",
                    StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
                    _ => "http-" + ctx.ProblemDetails.Status,
                });
                if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
                {
                    ctx.ProblemDetails.Title = "Unsupported media type.";
                    ctx.ProblemDetails.Detail ??= $"Content-Type {Echo.Quote(ctx.HttpContext.Request.ContentType)} is not supported here. Send application/json, text/plain or text/html.";
                }
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOptions<SummarizerCorsOptions>().BindConfiguration(SummarizerCorsOptions.SectionName)
            .Validate(o => o.FirstInvalidOrigin() is null, $"{SummarizerCorsOptions.SectionName}:AllowedOrigins holds an entry that is not scheme://host[:port] (no path, no trailing slash) or '*' alone.")
            .Validate(o => o.PreflightMaxAgeSeconds >= 0, $"{SummarizerCorsOptions.SectionName}:PreflightMaxAgeSeconds must not be negative.")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SummarizerCorsOptions>>((cors, configured) => cors.AddPolicy(SummarizerCorsOptions.PolicyName, policy =>
            {
                var origins = configured.Value.AllowedOrigins;
                _ = origins is ["*"] ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
                policy.WithMethods("GET", "POST").AllowAnyHeader()
                    .WithExposedHeaders("Location", "Retry-After", "ETag", "WWW-Authenticate")
                    .SetPreflightMaxAge(TimeSpan.FromSeconds(configured.Value.PreflightMaxAgeSeconds));
            }));
        // Kestrel's own rejections (400/408/414/431 before any middleware) get problem bodies too.
        services.Configure<KestrelServerOptions>(k => k.ConfigureEndpointDefaults(listen => listen.UseProblemRejections()));
        services.AddPageFetcher(); // the URL policy checks a url before any grain is asked to fetch it
        services.TryAddSingleton(_ => new ArticleExtractor());
        services.AddSummarizerSecurity();
        services.ConfigureHttpJsonOptions(o => ApiJson.Apply(o.SerializerOptions));
        // The security schemes first: the contract's document transformer gives their 401 its problem body.
        services.AddOpenApi(o => o.AddDocumentTransformer<SecuritySchemes>().AddSummarizerContract());
        services.AddMetrics();
        services.TryAddSingleton<RequestTelemetry>();
        return services;
    }

    /// <summary>Middleware order for the API: exceptions and bare status codes become ProblemDetails.</summary>
    public static WebApplication UseSummarizerApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SummarizerCorsOptions>>().Value.AllowedOrigins.Length > 0)
        {
            // Only with an allow-list: without one no response carries CORS headers (the default).
            app.UseCors(SummarizerCorsOptions.PolicyName);
        }

        var telemetry = app.Services.GetRequiredService<RequestTelemetry>();
        app.Use(telemetry.InvokeAsync); // before security: refused requests (401, 429) are counted too
        app.UseSummarizerSecurity();
        app.MapOpenApi();
        app.MapApiReference();
        app.MapSummarizerApi();
        app.MapSummarizerPage();
        return app;
    }
}
