using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summarizer.Extraction;
using Summarizer.Fetching;

namespace Summarizer.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>ProblemDetails for every error, the exception mapping, OpenAPI, <c>Summarizer:Api</c> options, the URL policy and the article extractor.</summary>
    public static IServiceCollection AddSummarizerApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, $"{ApiOptions.SectionName}:MaxBodyBytes must be positive.")
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
                    _ => "http-" + ctx.ProblemDetails.Status,
                });
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddPageFetcher(); // the URL policy checks a url before any grain is asked to fetch it
        services.TryAddSingleton(_ => new ArticleExtractor());
        services.ConfigureHttpJsonOptions(o => ApiJson.Apply(o.SerializerOptions));
        services.AddOpenApi(o => o.AddSummarizerContract());
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
        var telemetry = app.Services.GetRequiredService<RequestTelemetry>();
        app.Use(telemetry.InvokeAsync);
        app.MapOpenApi();
        app.MapApiReference();
        app.MapSummarizerApi();
        app.MapSummarizerPage();
        return app;
    }
}
