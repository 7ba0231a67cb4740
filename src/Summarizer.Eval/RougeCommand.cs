using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Eval.Data;
using Summarizer.Eval.Rouge;

namespace Summarizer.Eval;

/// <summary><c>rouge</c>: the brief of every article against its reference, next to Lead-N, whole and per fold.</summary>
internal static class RougeCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "JSONL with id, article, reference (shared/data/eval format)", Required = true };
        var length = new Option<string>("--length") { Description = "brief length preset", DefaultValueFactory = _ => "short" };
        length.AcceptOnlyFromAmong("short", "medium", "long");
        var sentences = new Option<int?>("--sentences") { Description = "override the preset's sentence count (XSum: 1, against Lead-1)" };
        var backend = new Option<string?>("--backend") { Description = "configured backend name (Summarizer:Backends:<name>); default: Summarizer:Backend" };
        var config = new Option<FileInfo?>("--config") { Description = "JSON file with a Summarizer section (e.g. src/Summarizer.Silo/appsettings.json); Summarizer__* environment variables apply too" };
        var output = new Option<FileInfo?>("--out") { Description = "write {\"id\",\"summary\"} lines, sentences separated by \\n" };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON" };

        var command = new Command("rouge", "ROUGE-1/2/Lsum F1 of the brief against the reference, next to Lead-N") { data, length, sentences, backend, config, output, json };
        command.SetAction(parse =>
        {
            var preset = InProcessDigest.Preset(parse.GetValue(length)!);
            try
            {
                var pipeline = InProcessDigest.Create(parse.GetValue(config)?.FullName);
                return Run(pipeline, parse.GetValue(data)!, preset, parse.GetValue(sentences) ?? 0, parse.GetValue(backend), parse.GetValue(output), parse.GetValue(json));
            }
            catch (Exception e) when (e is Summarizer.Contracts.UnknownBackendException or Microsoft.Extensions.Options.OptionsValidationException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static int Run(InProcessDigest pipeline, FileInfo data, Summarizer.Contracts.BriefLength preset, int overrideSentences, string? backendName, FileInfo? output, bool json)
    {
        var backend = pipeline.Catalog.Get(backendName).Name;
        var sentences = overrideSentences > 0 ? overrideSentences : Summarizer.Contracts.BriefLengths.Sentences(preset);
        var examples = JsonLines.Read<SummaryExample>(data.FullName);
        // Splits: the whole set, the two folds, and each outlet (publisher) on its own: the rules have no
        // fitted parameters, so an outlet's row is that outlet held out.
        var system = new Dictionary<string, List<RougeResult>> { ["whole"] = [], ["fold A"] = [], ["fold B"] = [] };
        var lead = new Dictionary<string, List<RougeResult>> { ["whole"] = [], ["fold A"] = [], ["fold B"] = [] };
        using var writer = output is null ? null : new StreamWriter(output.FullName);

        Progress.Run($"rouge {data.Name}", examples.Count, step =>
        {
            foreach (var e in examples)
            {
                var digest = pipeline.Run(e.Article, null, preset, overrideSentences, backend: backend);
                var predicted = string.Join('\n', digest.Brief);
                var baseline = string.Join('\n', InProcessDigest.Lead(digest.Document, sentences));
                var s = RougeScorer.Score(predicted, e.Reference);
                var l = RougeScorer.Score(baseline, e.Reference);
                foreach (var split in (string[])["whole", $"fold {Folds.Of(e.Id)}", .. e.Outlet is { Length: > 0 } o ? [o] : Array.Empty<string>()])
                {
                    (system.TryGetValue(split, out var sys) ? sys : system[split] = []).Add(s);
                    (lead.TryGetValue(split, out var ls) ? ls : lead[split] = []).Add(l);
                }
                writer?.WriteLine(JsonSerializer.Serialize(new { id = e.Id, summary = predicted }));
                step();
            }
        });

        var baselineName = $"lead-{sentences}";
        var rows = new List<(string Split, string System, int Count, double R1, double R2, double RLsum)>();
        var outlets = system.Keys.Except(["whole", "fold A", "fold B"]).Order(StringComparer.Ordinal);
        foreach (var split in (string[])["whole", "fold A", "fold B", .. outlets])
        {
            var name = split;
            rows.Add((name, backend, system[split].Count, Mean(system[split], r => r.Rouge1), Mean(system[split], r => r.Rouge2), Mean(system[split], r => r.RougeLsum)));
            rows.Add((name, baselineName, lead[split].Count, Mean(lead[split], r => r.Rouge1), Mean(lead[split], r => r.Rouge2), Mean(lead[split], r => r.RougeLsum)));
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                data = data.Name,
                sentences,
                backend,
                baseline = baselineName,
                results = rows.Select(r => new { split = r.Split, system = r.System, n = r.Count, rouge1 = Math.Round(r.R1, 2), rouge2 = Math.Round(r.R2, 2), rougeLsum = Math.Round(r.RLsum, 2) }),
            }));
            return 0;
        }

        var table = new Table().AddColumns("split", "system", "n", "R-1", "R-2", "R-Lsum");
        for (var i = 0; i < rows.Count; i += 2)
        {
            var (split, sys, n, r1, r2, rl) = rows[i];
            var b = rows[i + 1];
            table.AddRow(split, sys, n.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(r1, b.R1), Cell(r2, b.R2), Cell(rl, b.RLsum));
            table.AddRow(string.Empty, b.System, string.Empty, F(b.R1), F(b.R2), F(b.RLsum));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static string F(double v) => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Cell(double v, double baseline)
    {
        var d = v - baseline;
        var colour = d >= 0 ? "green" : "red";
        return $"{F(v)} [{colour}]({(d >= 0 ? "+" : string.Empty)}{F(d)})[/]";
    }

    private static double Mean(List<RougeResult> results, Func<RougeResult, RougeScore> pick) =>
        results.Count == 0 ? 0 : 100 * results.Average(r => pick(r).F1);
}
