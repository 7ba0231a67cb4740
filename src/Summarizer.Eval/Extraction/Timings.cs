using System.Diagnostics;
using System.Globalization;

namespace Summarizer.Eval.Extraction;

/// <summary>Per-page extraction times: pages per second over the timed parts, p50 and p95 in milliseconds.</summary>
internal sealed class Timings
{
    private readonly List<double> milliseconds = [];
    private long started;

    /// <summary>Start (true) or stop (false) the clock for the current page.</summary>
    public void Mark(bool start)
    {
        if (start)
        {
            started = Stopwatch.GetTimestamp();
        }
        else
        {
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public int Count => milliseconds.Count;

    public double PagesPerSecond => milliseconds.Count == 0 ? 0 : milliseconds.Count / (milliseconds.Sum() / 1000);

    public double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return 0;
        }

        var sorted = milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} pages, {PagesPerSecond:0.0} pages/s, p50 {Percentile(50):0.00} ms, p95 {Percentile(95):0.00} ms, max {Percentile(100):0.0} ms per page (one thread)");

    public object ToJson() => new
    {
        pages = Count,
        pages_per_second = Math.Round(PagesPerSecond, 1),
        p50_ms = Math.Round(Percentile(50), 2),
        p95_ms = Math.Round(Percentile(95), 2),
        max_ms = Math.Round(Percentile(100), 1),
    };
}
