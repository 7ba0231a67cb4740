namespace Summarizer.Api.Tests;

/// <summary>The real embedded silo host (<see cref="EmbeddedSilo"/>) with a small body limit, for the whole collection.</summary>
public sealed class SiloHostFixture : IAsyncLifetime
{
    /// <summary>Body limit for the tests: small, so 413 is cheap to provoke.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private RunningHost? _host;

    public HttpClient Client => _host!.Http;

    public Uri BaseAddress => _host!.BaseAddress;

    public async Task InitializeAsync() =>
        _host = await EmbeddedSilo.StartAsync($"--Summarizer:Api:MaxBodyBytes={MaxBodyBytes}");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiloHostCollection : ICollectionFixture<SiloHostFixture>
{
    public const string Name = "silo-host";
}
