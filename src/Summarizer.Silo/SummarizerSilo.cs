using Summarizer.Api;
using Summarizer.Grains;
using Summarizer.Hosting;

namespace Summarizer.Silo;

/// <summary>
/// Builds the silo host. Embedded mode (the default): one process with a localhost silo,
/// grain state on disk (<see cref="SiloStorage"/>) and the HTTP API on http://localhost:5080. Cluster mode
/// (<c>Summarizer:Cluster:Mode=Redis</c>): Redis membership and storage; the silo still serves
/// the API and health endpoints, and gateways serve the public API (see <see cref="SiloClustering"/>).
/// </summary>
public static class SummarizerSilo
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddSummarizerDefaults("summarizer-silo");
        builder.Services.AddSummarizerApi();
        builder.UseOrleans(silo =>
        {
            silo.UseSummarizerClustering(builder.Configuration);
            silo.AddSummarizerGrains();
            silo.AddActivityPropagation(); // one trace across grain calls, whichever silo runs them
            silo.AddSummarizerDashboard();
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSummarizerApi();
        app.MapSummarizerDefaults(ApiSecurity.PolicyName);
        app.MapSummarizerDashboard();
        return app;
    }
}
