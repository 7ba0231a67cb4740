using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Contracts;
using Summarizer.Text;
using Xunit.Abstractions;

namespace Summarizer.Cluster.Tests;

/// <summary>Runs only when <c>SUMMARIZER_BENCHMARK=1</c>: it takes about a minute and measures time.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SUMMARIZER_BENCHMARK") != "1")
        {
            Skip = "Benchmark: set SUMMARIZER_BENCHMARK=1 to run it.";
        }
    }
}

/// <summary>
/// Throughput of briefs (unique articles, so no cache hits) with 1 and with 3 silos against a
/// latency-bound backend: the OpenAI-compatible provider pointed at a loopback server that answers
/// every request after a fixed latency, with each silo's <c>MaxConcurrency</c> as the limit. The
/// work is waiting, not CPU, so three silos should give close to three times the throughput.
/// Results go to docs/BENCHMARKS.md.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterThroughputBenchmark(RedisServerFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(Env("BENCH_LATENCY_MS", 200));
    private static readonly int SlotsPerSilo = Env("BENCH_SLOTS", 4);
    private static readonly int Clients = Env("BENCH_CLIENTS", 48);
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(Env("BENCH_WARMUP_S", 3));
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(Env("BENCH_MEASURE_S", 15));

    [BenchmarkFact]
    public async Task Three_silos_give_at_least_2_7_times_the_brief_throughput_of_one_against_a_latency_bound_backend()
    {
        await using var model = await FixedLatencyModelServer.StartAsync(Latency);
        var one = await MeasureAsync(1, model.BaseUri);
        var three = await MeasureAsync(3, model.BaseUri);
        output.WriteLine($"model server requests: {model.Requests}");
        var ratio = three / one;
        output.WriteLine($"latency {Latency.TotalMilliseconds} ms, {SlotsPerSilo} slots/silo, {Clients} clients, {Measure.TotalSeconds} s measured");
        output.WriteLine($"1 silo: {one:F1} briefs/s (ideal {SlotsPerSilo / Latency.TotalSeconds:F1}); 3 silos: {three:F1} briefs/s (ideal {3 * SlotsPerSilo / Latency.TotalSeconds:F1}); ratio {ratio:F2}");
        Assert.True(ratio >= 2.7, $"3 silos / 1 silo = {ratio:F2} (1: {one:F1}/s, 3: {three:F1}/s); at least 2.7 expected");
    }

    private async Task<double> MeasureAsync(int silos, Uri modelServer)
    {
        var hosts = new ClusterHosts(redis.ConnectionString);
        var started = new List<RunningHost>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                started.Add(await hosts.StartSiloAsync(
                    configure: null,
                    "--Summarizer:Backend=model",
                    "--Summarizer:Fallback=",
                    "--Summarizer:Backends:extractive:Provider=Extractive",
                    "--Summarizer:Backends:model:Provider=OpenAICompatible",
                    $"--Summarizer:Backends:model:Endpoint={modelServer}",
                    "--Summarizer:Backends:model:Model=fixed-latency",
                    $"--Summarizer:Backends:model:MaxConcurrency={SlotsPerSilo}",
                    $"--Summarizer:Backends:model:MaxQueue={Clients * 2}",
                    "--Summarizer:Backends:model:TimeoutSeconds=30"));
            }

            var gateway = await hosts.StartGatewayAsync();
            started.Add(gateway);
            await ClusterHosts.WaitUntilAsync(async () => await ClusterHosts.ActiveSilosAsync(gateway.Http) == silos, TimeSpan.FromSeconds(60));
            var client = gateway.App.Services.GetRequiredService<IClusterClient>();

            var run = hosts.ClusterId;
            var stopAt = Stopwatch.GetTimestamp() + (long)((Warmup + Measure).TotalSeconds * Stopwatch.Frequency);
            var measureFrom = Stopwatch.GetTimestamp() + (long)(Warmup.TotalSeconds * Stopwatch.Frequency);
            var counted = 0;
            var failures = 0;
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
            {
                for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
                {
                    var document = ArticleDocument.Parse(
                        $"Run {run} client {c} item {n}: the council met on Tuesday to approve the budget. " +
                        "The mayor said the vote was close. Residents asked for more buses and longer library hours. " +
                        "The plan now goes to the state for review.", title: null);
                    var article = client.GetGrain<IArticleGrain>(ArticleId.Compute(document.Text));
                    try
                    {
                        await article.StoreAsync(new ArticleContent(document.Text, null, null, null));
                        var brief = await article.GetBriefAsync(new BriefOptions(BriefLength.Short, null));
                        if (brief.Degraded || brief.Backend.Name != "model")
                        {
                            Interlocked.Increment(ref failures);
                        }
                        else if (Stopwatch.GetTimestamp() >= measureFrom && Stopwatch.GetTimestamp() < stopAt)
                        {
                            Interlocked.Increment(ref counted);
                        }
                    }
                    catch (Exception)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));

            Assert.Equal(0, failures);
            var rate = counted / Measure.TotalSeconds;
            output.WriteLine($"{silos} silo(s): {counted} briefs in {Measure.TotalSeconds} s = {rate:F1}/s");
            return rate;
        }
        finally
        {
            foreach (var host in Enumerable.Reverse(started))
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
}
