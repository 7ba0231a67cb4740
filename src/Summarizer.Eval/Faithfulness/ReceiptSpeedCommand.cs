using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Eval.Bench;
using Summarizer.Text;
using Summarizer.Text.Faithfulness;

namespace Summarizer.Eval.Faithfulness;

/// <summary>
/// <c>receipts-speed</c>: time of one receipt for the seed article (~5.5 KB) and a 3-sentence brief, as
/// a timed loop (each call timed alone, so the figures are percentiles): the extractive brief
/// (verbatim, the fast path) and the same sentences reworded (every sentence aligned and checked),
/// each with the article read for the call and with the article's facts kept (as an article grain keeps them).
/// </summary>
internal static class ReceiptSpeedCommand
{
    public static Command Create()
    {
        var minMs = new Option<int>("--min-ms") { Description = "measuring time per case", DefaultValueFactory = _ => 3000 };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON" };
        var command = new Command("receipts-speed", "p50/p90 of one faithfulness receipt: seed article, 3-sentence brief") { minMs, json };
        command.SetAction(parse => Run(parse.GetValue(minMs), parse.GetValue(json)));
        return command;
    }

    private static int Run(int minMs, bool json)
    {
        var raw = BenchArticles.Seed();
        var document = ArticleDocument.Parse(raw);
        var extractive = ExtractiveSummarizer.Summarize(document, 3);
        var reworded = extractive.Select(Reword).ToList();
        var kept = ArticleFacts.Build(document);
        var cases = new (string Name, Func<FaithfulnessReceipt> Run)[]
        {
            ("extractive brief, article read per call", () => FaithfulnessChecker.Check(ArticleFacts.Build(document), extractive)),
            ("extractive brief, facts kept", () => FaithfulnessChecker.Check(kept, extractive)),
            ("reworded brief, article read per call", () => FaithfulnessChecker.Check(ArticleFacts.Build(document), reworded)),
            ("reworded brief, facts kept", () => FaithfulnessChecker.Check(kept, reworded)),
            ("pipeline step, extractive brief (verbatim first, article not read)", () => FaithfulnessChecker.Check(document, extractive)),
            ("pipeline step, reworded brief (article read)", () => FaithfulnessChecker.Check(document, reworded)),
        };

        var rows = new List<(string Name, int Calls, double P50, double P90, int Flagged)>();
        foreach (var (name, run) in cases)
        {
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 1500)
            {
                run();
            }

            var samples = new List<double>();
            var total = Stopwatch.StartNew();
            var flagged = 0;
            while (total.ElapsedMilliseconds < minMs || samples.Count < 20)
            {
                var start = Stopwatch.GetTimestamp();
                flagged = run().Flagged;
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            samples.Sort();
            rows.Add((name, samples.Count, samples[samples.Count / 2], samples[(int)(samples.Count * 0.9)], flagged));
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                article_chars = document.Text.Length,
                brief_sentences = extractive.Count,
                cases = rows.Select(r => new { r.Name, calls = r.Calls, p50_ms = Math.Round(r.P50, 4), p90_ms = Math.Round(r.P90, 4), flagged = r.Flagged }),
            }));
            return 0;
        }

        var table = new Table().AddColumns("case", "calls", "p50 (ms)", "p90 (ms)", "flagged");
        foreach (var r in rows)
        {
            table.AddRow(r.Name, r.Calls.ToString(CultureInfo.InvariantCulture), F(r.P50), F(r.P90), r.Flagged.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.WriteLine($"seed article {document.Text.Length} characters, {extractive.Count}-sentence brief");
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>The sentence with its first word replaced by "Reportedly,": no longer verbatim, so it takes the aligning path.</summary>
    private static string Reword(string sentence)
    {
        var space = sentence.IndexOf(' ', StringComparison.Ordinal);
        return "Reportedly, " + (space < 0 ? sentence : sentence[(space + 1)..]);
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
