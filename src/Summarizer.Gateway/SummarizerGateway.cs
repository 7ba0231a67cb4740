using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Summarizer.Api;
using Summarizer.Hosting;

namespace Summarizer.Gateway;

/// <summary>
/// Builds the gateway host: an Orleans client (no grain code) serving the same HTTP API as the
/// embedded silo. Idempotent grain calls are retried when a silo fails; <c>/readyz</c> is ready
/// only while at least one silo is active.
/// </summary>
public static class SummarizerGateway
{
    public const string DefaultUrl = "http://localhost:5090";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The Orleans client keeps retrying to connect while no silo is up; starting the hosted
        // services concurrently lets Kestrel answer /healthz and /readyz (not ready) meanwhile.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.AddSummarizerDefaults("summarizer-gateway");
        builder.Services.AddSummarizerApi().RequireApiKeys();
        builder.Services.AddOptions<SummarizerGatewayOptions>().BindConfiguration(SummarizerGatewayOptions.SectionName)
            .Validate(o => o.MaxAttempts >= 1, $"{SummarizerGatewayOptions.SectionName}:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryBudgetSeconds > 0, $"{SummarizerGatewayOptions.SectionName}:RetryBudgetSeconds must be positive.")
            .Validate(o => o.ResponseTimeoutSeconds > 0, $"{SummarizerGatewayOptions.SectionName}:ResponseTimeoutSeconds must be positive.")
            .ValidateOnStart();
        builder.Services.AddHealthChecks().AddCheck<ClusterReadyHealthCheck>("cluster", tags: [HostingExtensions.ReadyTag]);

        var cluster = ClusterSettings.From(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            if (cluster.Mode == ClusterMode.Redis)
            {
                client.UseRedisClustering(cluster.Redis!);
                client.Configure<ClusterOptions>(o =>
                {
                    o.ServiceId = cluster.ServiceId;
                    o.ClusterId = cluster.ClusterId;
                });
            }
            else
            {
                // Against an embedded silo on this machine (useful for trying the gateway locally).
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }

            client.Services.AddSingleton<IClientConnectionRetryFilter, KeepConnecting>();
            client.Services.AddOptions<ClientMessagingOptions>().Configure<IOptions<SummarizerGatewayOptions>>(
                (m, g) => m.ResponseTimeout = TimeSpan.FromSeconds(g.Value.ResponseTimeoutSeconds));
            client.Services.AddOptions<GatewayOptions>().Configure<IOptions<SummarizerGatewayOptions>>(
                (o, g) => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(g.Value.GatewayListRefreshSeconds));
            client.AddOutgoingGrainCallFilter<IdempotentRetryFilter>();
            client.AddActivityPropagation(); // the HTTP request's trace continues into the grains
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseClusterStartGate();
        app.UseSummarizerApi();
        app.MapSummarizerDefaults(ApiSecurity.PolicyName);
        return app;
    }
}
