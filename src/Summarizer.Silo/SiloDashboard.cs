using Orleans.Dashboard;
using Summarizer.Api;

namespace Summarizer.Silo;

/// <summary>
/// The Orleans dashboard (grains, silos, calls) at <see cref="Path"/> on every silo, embedded or
/// cluster, protected like <c>/metrics</c> (<see cref="OperatorEndpoints.ProtectLikeMetrics"/>).
/// </summary>
public static class SiloDashboard
{
    public const string Path = "/dashboard";

    public static ISiloBuilder AddSummarizerDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    public static WebApplication MapSummarizerDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOrleansDashboard(routePrefix: Path).ProtectLikeMetrics(app.Services);
        return app;
    }
}
