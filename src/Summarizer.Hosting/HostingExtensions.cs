using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Summarizer.Hosting;

/// <summary>What every Summarizer host shares: OpenTelemetry, health endpoints, Prometheus metrics.</summary>
public static class HostingExtensions
{
    /// <summary>Tag of health checks that decide readiness (e.g. "a silo is reachable").</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Traces and metrics from ASP.NET Core, HttpClient, Orleans, Semantic Kernel and the
    /// <c>Summarizer</c> meter; OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; a
    /// Prometheus scrape endpoint always.
    /// </summary>
    public static TBuilder AddSummarizerDefaults<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsInfrastructurePath(ctx.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.SemanticKernel*", "Summarizer");
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", "Microsoft.SemanticKernel*", "Summarizer")
                    .AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        _ = telemetry;

        // Every log line carries the trace and span it was written in (console scopes, OTLP log records).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        if (otlp)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter();
            });
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// <c>/healthz</c> (the process answers), <c>/readyz</c> (ready checks pass), both open to anyone;
    /// <c>/metrics</c> (Prometheus), which requires the authorization policy <paramref name="metricsPolicy"/> when one is named.
    /// </summary>
    public static WebApplication MapSummarizerDefaults(this WebApplication app, string? metricsPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") || c.Tags.Contains(ReadyTag) });
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (metricsPolicy is not null)
        {
            metrics.RequireAuthorization(metricsPolicy);
        }
        return app;
    }

    private static bool IsInfrastructurePath(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics")
        || path.StartsWithSegments("/dashboard") || path.StartsWithSegments("/docs");
}
