using Microsoft.AspNetCore.Builder;

namespace Summarizer.Testing;

/// <summary>A started host (silo or gateway) on 127.0.0.1, with an HttpClient on its API.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;

    private RunningHost(WebApplication app, Uri baseAddress, IAsyncDisposable? owned = null)
    {
        App = app;
        BaseAddress = baseAddress;
        _owned = owned;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// Starts <paramref name="app"/> (built to listen on <see cref="LoopbackPorts.AnyPortUrl"/>) and
    /// reads back its port. A host whose start failed is disposed before the failure propagates
    /// (else the test process hangs at exit). <paramref name="owned"/> (a data directory) is
    /// disposed after the host.
    /// </summary>
    public static async Task<RunningHost> StartAsync(WebApplication app, TimeSpan? limit = null, IAsyncDisposable? owned = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync().WaitAsync(limit ?? TimeSpan.FromSeconds(90));
            return new RunningHost(app, LoopbackPorts.BoundAddress(app), owned);
        }
        catch
        {
            await app.DisposeAsync();
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Starts <paramref name="app"/>, which listens on the fixed <paramref name="baseAddress"/>, and
    /// returns once its HTTP endpoint answers <c>/healthz</c>, before its start has finished (a
    /// gateway still waiting for a silo).
    /// </summary>
    public static async Task<RunningHost> StartWithoutWaitingAsync(WebApplication app, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(app);
        var host = new RunningHost(app, baseAddress);
        try
        {
            _ = app.StartAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            await Eventually.TrueAsync(async () => await host.TryGetAsync("/healthz") == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The status of a GET, or null when nothing answers.</summary>
    public async Task<System.Net.HttpStatusCode?> TryGetAsync(string path)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task StopAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
