using Summarizer.Silo;

namespace Summarizer.Testing;

/// <summary>
/// The real embedded silo host (Kestrel, a localhost silo, SQLite grain storage), built by the same
/// code as <c>dotnet run --project src/Summarizer.Silo</c>: HTTP on port 0 read back, Orleans on
/// free ports, its own cluster id, its data in a temp directory deleted with the host (or in
/// <c>dataPath</c>, kept, to restart on it). The mode is given, not read from appsettings.json:
/// the test output holds the silo's or the gateway's appsettings.json (both projects are
/// referenced, and which copy lands last depends on the build order), and the gateway's says Redis.
/// </summary>
public static class EmbeddedSilo
{
    public static Task<RunningHost> StartAsync(params string[] args) => StartAsync(null, args);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="configure"/> run on the builder (a log capture, a fake clock).</summary>
    public static Task<RunningHost> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, params string[] args)
    {
        var data = new TempDirectory();
        return RunningHost.StartAsync(SummarizerSilo.Build([.. Args(data.Path), .. args], configure), owned: data);
    }

    /// <summary>A silo on the data directory <paramref name="dataPath"/>, which outlives it (restart tests).</summary>
    public static Task<RunningHost> StartOnAsync(string dataPath, params string[] args) =>
        RunningHost.StartAsync(SummarizerSilo.Build([.. Args(dataPath), .. args]));

    /// <summary>Command-line arguments of an embedded silo on free loopback ports with its data in <paramref name="dataPath"/>.</summary>
    public static string[] Args(string dataPath, string url = LoopbackPorts.AnyPortUrl) =>
    [
        "--urls=" + url,
        "--Summarizer:Cluster:Mode=Embedded",
        $"--Summarizer:Storage:Path={dataPath}",
        $"--Orleans:SiloPort={LoopbackPorts.Free()}",
        $"--Orleans:GatewayPort={LoopbackPorts.Free()}",
        $"--Orleans:ClusterId=test-{Guid.NewGuid():N}",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Orleans=Error",
    ];
}
