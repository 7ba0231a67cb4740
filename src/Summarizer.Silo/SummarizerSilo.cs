using Summarizer.Api;
using Summarizer.Grains;
using Summarizer.Hosting;

namespace Summarizer.Silo;

/// <summary>
/// Builds the silo host. Embedded mode (the default): one process with a localhost silo,
/// in-memory grain storage and the HTTP API on http://localhost:5080.
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
            var orleans = builder.Configuration.GetSection("Orleans");
            silo.UseLocalhostClustering(
                siloPort: orleans.GetValue("SiloPort", 11111),
                gatewayPort: orleans.GetValue("GatewayPort", 30000),
                serviceId: orleans["ServiceId"] ?? "summarizer",
                clusterId: orleans["ClusterId"] ?? "embedded");
            silo.AddMemoryGrainStorage(StorageNames.Articles);
            silo.AddSummarizerGrains();
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSummarizerApi();
        app.MapSummarizerDefaults();
        return app;
    }
}
