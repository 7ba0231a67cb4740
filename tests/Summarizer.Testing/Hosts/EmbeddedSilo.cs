using Summarizer.Silo;

namespace Summarizer.Testing;

/// <summary>
/// The real embedded silo host (Kestrel, a localhost silo, memory storage), built by the same code
/// as <c>dotnet run --project src/Summarizer.Silo</c>: HTTP on port 0 read back, Orleans on free
/// ports, its own cluster id. The mode is given, not read from appsettings.json: the test output
/// holds the silo's or the gateway's appsettings.json (both projects are referenced, and which
/// copy lands last depends on the build order), and the gateway's says Redis.
/// </summary>
public static class EmbeddedSilo
{
    public static Task<RunningHost> StartAsync(params string[] args) => StartAsync(null, args);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="configure"/> run on the builder (a log capture, a fake clock).</summary>
    public static Task<RunningHost> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, params string[] args) =>
        RunningHost.StartAsync(SummarizerSilo.Build(
        [
            "--urls=" + LoopbackPorts.AnyPortUrl,
            "--Summarizer:Cluster:Mode=Embedded",
            $"--Orleans:SiloPort={LoopbackPorts.Free()}",
            $"--Orleans:GatewayPort={LoopbackPorts.Free()}",
            $"--Orleans:ClusterId=test-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. args,
        ], configure));
}
