using Garnet;

namespace Summarizer.Testing;

/// <summary>
/// A Redis-protocol server for the whole test collection: the one named by
/// <c>SUMMARIZER_TEST_REDIS</c> (e.g. <c>127.0.0.1:6379</c>), else an in-process Garnet on a free
/// loopback port, with Lua on (Orleans' Redis membership and storage use EVAL).
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly GarnetServer? _garnet;

    public RedisServerFixture()
    {
        var external = Environment.GetEnvironmentVariable("SUMMARIZER_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            return;
        }

        var port = LoopbackPorts.Free();
        _garnet = new GarnetServer(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--lua", "-q"]);
        _garnet.Start();
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    public void Dispose() => _garnet?.Dispose();
}
