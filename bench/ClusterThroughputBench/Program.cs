// Brief throughput (unique articles, so no cache hits) with 1 and with 3 silos against a
// latency-bound backend: the OpenAI-compatible provider pointed at a loopback server that answers
// every request after a fixed latency, with each silo's MaxConcurrency as the limit. The work is
// waiting, not CPU, so three silos should give close to three times the throughput.
//
//   dotnet run -c Release --project bench/ClusterThroughputBench [latencyMs=200] [slotsPerSilo=4] [clients=48] [measureSeconds=15]
//
// Exit code 1 when the ratio is below 2.7. Results go to docs/BENCHMARKS.md (Cluster throughput).
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Testing;
using Summarizer.Contracts;
using Summarizer.Text;

var latency = TimeSpan.FromMilliseconds(Arg(0, 200));
var slotsPerSilo = Arg(1, 4);
var clients = Arg(2, 48);
var measure = TimeSpan.FromSeconds(Arg(3, 15));
var warmup = TimeSpan.FromSeconds(3);

using var redis = new RedisServerFixture();
await using var model = await ClusterHosts.StartFixedLatencyModelAsync(latency);
var one = await MeasureAsync(1);
var three = await MeasureAsync(3);
var ratio = three / one;
Console.WriteLine($"latency {latency.TotalMilliseconds} ms, {slotsPerSilo} slots/silo, {clients} clients, {measure.TotalSeconds} s measured, model requests {model.Started}");
Console.WriteLine($"1 silo: {one:F1} briefs/s (ideal {slotsPerSilo / latency.TotalSeconds:F1}); 3 silos: {three:F1} briefs/s (ideal {3 * slotsPerSilo / latency.TotalSeconds:F1}); ratio {ratio:F2} (target >= 2.7)");
return ratio >= 2.7 ? 0 : 1;

async Task<double> MeasureAsync(int silos)
{
    var hosts = new ClusterHosts(redis.ConnectionString);
    var started = new List<RunningHost>();
    try
    {
        for (var i = 0; i < silos; i++)
        {
            started.Add(await hosts.StartSiloAsync(
                configure: null,
                ClusterHosts.ModelBackendArgs(model.Endpoint, "fixed-latency",
                    $"MaxConcurrency={slotsPerSilo}", $"MaxQueue={clients * 2}", "TimeoutSeconds=30")));
        }

        var gateway = await hosts.StartGatewayAsync();
        started.Add(gateway);
        await Eventually.TrueAsync(async () => await ClusterHosts.ActiveSilosAsync(gateway.Http) == silos, TimeSpan.FromSeconds(60));
        var client = gateway.App.Services.GetRequiredService<IClusterClient>();

        var run = hosts.ClusterId;
        var stopAt = Stopwatch.GetTimestamp() + (long)((warmup + measure).TotalSeconds * Stopwatch.Frequency);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var counted = 0;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
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

        var rate = counted / measure.TotalSeconds;
        Console.WriteLine($"{silos} silo(s): {counted} briefs in {measure.TotalSeconds} s = {rate:F1}/s, {failures} failed");
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} brief(s) failed or were degraded; the measurement is void.");
        }

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

int Arg(int i, int fallback) => args.Length > i && int.TryParse(args[i], out var v) ? v : fallback;
