using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Summarizer.Backends.Tests;

/// <summary>
/// A generic host with only the backend registrations, configured from key/value pairs the way
/// appsettings or environment variables would be, started (so ValidateOnStart runs) and with this
/// host's <c>Summarizer</c> meter recorded.
/// </summary>
public sealed class BackendHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    private BackendHost(IHost host)
    {
        _host = host;
        var meter = Metrics.Retries.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _counters.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        _listener.Start();
    }

    public IServiceProvider Services => _host.Services;

    public IBackendInvoker Invoker => Services.GetRequiredService<IBackendInvoker>();

    public IBackendCatalog Catalog => Services.GetRequiredService<IBackendCatalog>();

    public SummarizerMetrics Metrics => Services.GetRequiredService<SummarizerMetrics>();

    /// <summary>Sum of a counter of this host's meter, e.g. <c>summarizer.backend.retries</c>.</summary>
    public long Counter(string name) => _counters.TryGetValue(name, out var v) ? v : 0;

    /// <param name="time">The clock of the failure memory and breaker (a fake one moves by hand); the system clock when null.</param>
    public static async Task<BackendHost> StartAsync(IDictionary<string, string?> settings, ILoggerProvider? logs = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSummarizerBackends();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BackendHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Configuration builders for the test backends: fast retries, short timeouts.</summary>
public static class Settings
{
    public static Dictionary<string, string?> With(string backend, string? fallback, params (string Name, Dictionary<string, string?> Options)[] backends)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Summarizer:Backend"] = backend,
            ["Summarizer:Fallback"] = fallback,
            ["Summarizer:Backends:extractive:Provider"] = "Extractive",
        };
        foreach (var (name, options) in backends)
        {
            foreach (var (key, value) in options)
            {
                settings[$"Summarizer:Backends:{name}:{key}"] = value;
            }
        }

        return settings;
    }

    public static Dictionary<string, string?> Fast(Dictionary<string, string?> o)
    {
        o.TryAdd("Retries", "2");
        o.TryAdd("RetryDelayMilliseconds", "10");
        o.TryAdd("TimeoutSeconds", "10");
        o.TryAdd("AttemptTimeoutSeconds", "5");
        return o;
    }

    public static Dictionary<string, string?> OpenAICompatible(LoopbackModelServer server, string model = "test-model") => Fast(new()
    {
        ["Provider"] = "OpenAICompatible",
        ["Endpoint"] = new Uri(server.BaseUri, "/v1").ToString(),
        ["Model"] = model,
    });

    public static Dictionary<string, string?> OpenAI(LoopbackModelServer server, string model = "gpt-test") => Fast(new()
    {
        ["Provider"] = "OpenAI",
        ["Endpoint"] = new Uri(server.BaseUri, "/v1").ToString(),
        ["Model"] = model,
        ["ApiKey"] = "sk-test-secret-key",
    });

    public static Dictionary<string, string?> Azure(LoopbackModelServer server, string deployment = "summaries") => Fast(new()
    {
        ["Provider"] = "AzureOpenAI",
        ["Endpoint"] = server.BaseUri.ToString(),
        ["Deployment"] = deployment,
        ["ApiKey"] = "azure-test-secret-key",
    });

    public static Dictionary<string, string?> Ollama(LoopbackModelServer server, string model = "llama-test") => Fast(new()
    {
        ["Provider"] = "Ollama",
        ["Endpoint"] = server.BaseUri.ToString(),
        ["Model"] = model,
    });
}

/// <summary>Every log line (message and exception) a host writes, at every level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string All => string.Join('\n', _lines);

    public int Count => _lines.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
