using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Summarizer.Backends;

/// <summary>
/// One named HttpClient per model backend (<c>Summarizer.Backend.&lt;name&gt;</c>) from
/// <see cref="IHttpClientFactory"/>, carrying a Microsoft.Extensions.Http.Resilience pipeline built
/// from that backend's options: total timeout → retries (exponential backoff with jitter on 429, 5xx,
/// 408, network errors and attempt timeouts, honouring <c>Retry-After</c>) → circuit breaker →
/// attempt timeout. The pipeline is kept per backend, so the circuit's state outlives handler rotation.
/// </summary>
public sealed class BackendHttpClients : IConfigureNamedOptions<HttpClientFactoryOptions>
{
    public const string NamePrefix = "Summarizer.Backend.";

    private readonly IOptions<SummarizerOptions> _options;
    private readonly SummarizerMetrics _metrics;
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public BackendHttpClients(IOptions<SummarizerOptions> options, SummarizerMetrics metrics)
    {
        _options = options;
        _metrics = metrics;
    }

    public static string ClientName(string backend) => NamePrefix + backend;

    public void Configure(string? name, HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !name.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var backend = name[NamePrefix.Length..];
        options.HttpMessageHandlerBuilderActions.Add(b =>
        {
            // The connector keeps its HttpClient for the process's life, so the factory's handler
            // rotation never applies; recycling pooled connections still picks up DNS changes.
            b.PrimaryHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
            b.AdditionalHandlers.Add(new ResilienceHandler(Pipeline(backend)));
        });
        options.HttpClientActions.Add(c => c.Timeout = Timeout.InfiniteTimeSpan); // the pipeline's total timeout governs
    }

    public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);

    internal ResiliencePipeline<HttpResponseMessage> Pipeline(string backend) => _pipelines.GetOrAdd(backend, Build);

    private ResiliencePipeline<HttpResponseMessage> Build(string backend)
    {
        var o = _options.Value.Backends.TryGetValue(backend, out var configured)
            ? BackendLimits.From(configured)
            : throw new InvalidOperationException($"No backend '{backend}' is configured.");

        var tags = new KeyValuePair<string, object?>("backend", backend);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = ClientName(backend) }
            .AddTimeout(o.Timeout);
        if (o.Retries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryDelay,
                MaxDelay = o.Timeout,
                ShouldRetryAfterHeader = true,
                OnRetry = _ =>
                {
                    _metrics.Retries.Add(1, tags);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, o.Timeout.TotalSeconds * 2)),
                BreakDuration = o.CircuitBreak,
                OnOpened = _ =>
                {
                    _metrics.CircuitOpened.Add(1, tags);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }
}
