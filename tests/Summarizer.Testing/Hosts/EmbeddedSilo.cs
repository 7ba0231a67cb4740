using Summarizer.Silo;

namespace Summarizer.Testing;

/// <summary>
/// The real embedded silo host (Kestrel, a localhost silo, memory storage), built by the same code
/// as <c>dotnet run --project src/Summarizer.Silo</c>: HTTP on port 0 read back, Orleans on free
/// ports, its own cluster id.
/// </summary>
public static class EmbeddedSilo
{
    public static Task<RunningHost> StartAsync(params string[] args) =>
        RunningHost.StartAsync(SummarizerSilo.Build(
        [
            "--urls=" + LoopbackPorts.AnyPortUrl,
            $"--Orleans:SiloPort={LoopbackPorts.Free()}",
            $"--Orleans:GatewayPort={LoopbackPorts.Free()}",
            $"--Orleans:ClusterId=test-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. args,
        ]));
}
