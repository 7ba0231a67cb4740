using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Eval.Extraction;

namespace Summarizer.Eval;

/// <summary><c>extract</c>: article extraction scored on the HTML dev sets of shared/data/html, with the
/// scoring rules of that folder's README, next to the published figures, per slice, and timed.</summary>
internal static class ExtractCommand
{
    /// <summary>Published F1 on the trafilatura corpus (shared/data/html/README.md): name, P, R, F1.</summary>
    private static readonly (string Name, double? P, double? R, double F1)[] PublishedSnippet =
    [
        ("trafilatura 2.2.0 standard", null, null, 0.924), ("justext", null, null, 0.862),
        ("SmartReader 0.11.1 plain", 0.867, 0.884, 0.876), ("readability-lxml", null, null, 0.826),
        ("newspaper4k", null, null, 0.801), ("regex tag-stripping @92fb2d1", 0.605, 0.981, 0.749),
        ("html_text", null, null, 0.691), ("raw HTML as text", null, null, 0.667),
    ];

    private static readonly (string Name, double? P, double? R, double F1)[] PublishedShingle =
    [
        ("SmartReader 0.11.1", 1.000, null, 0.965), ("regex tag-stripping @92fb2d1", null, null, 0.867),
    ];

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "shared/data/html folder (both sets), trafilatura_eval.tar.gz / evaldata.json, or readability_pages.jsonl.gz", Required = true };
        var extractor = new Option<string>("--extractor") { Description = "ours (the service's ArticleExtractor), smartreader (plain, as the README's baseline), regex (HtmlText); dom-rules, readability, readability-plain, json-ld: one candidate of ours alone", DefaultValueFactory = _ => EvalExtractors.Ours };
        extractor.AcceptOnlyFromAmong(EvalExtractors.Names);
        var errors = new Option<FileInfo?>("--errors") { Description = "write every missed snippet, kept boilerplate snippet, rejected page, weak body and wrong metadata field (TSV)" };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "write each page's extracted text to DIR (trafilatura/<file>.txt, readability/<id>.txt)" };
        var command = new Command("extract", "article extraction P/R/F1 on the HTML dev sets, per slice, next to published figures, with speed") { data, extractor, errors, json, output };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(data)!, parse.GetValue(extractor)!, parse.GetValue(errors), parse.GetValue(json), parse.GetValue(output));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static int Run(string path, string extractor, FileInfo? errorsFile, bool json, DirectoryInfo? outDir)
    {
        var (trafilatura, readability) = HtmlDevSets.Locate(path);
        if (trafilatura is null && readability is null)
        {
            Console.Error.WriteLine($"{path}: neither {HtmlDevSets.TrafilaturaArchive} nor {HtmlDevSets.ReadabilityFile} found");
            return 2;
        }

        using var errors = errorsFile is null ? null : new StreamWriter(errorsFile.FullName);
        var report = new Dictionary<string, object> { ["extractor"] = extractor };
        if (trafilatura is not null)
        {
            var pages = HtmlDevSets.ReadTrafilatura(trafilatura);
            SnippetRun run = null!;
            Progress.Run($"extract {Path.GetFileName(trafilatura)}", pages.Count, step => run = SnippetRun.Run(pages, extractor, errors, step, Sink(outDir, "trafilatura")));
            report["trafilatura"] = SnippetJson(run);
            if (!json)
            {
                PrintSnippet(run, extractor);
            }
        }

        if (readability is not null)
        {
            var pages = HtmlDevSets.ReadReadability(readability);
            ReadabilityRun run = null!;
            Progress.Run($"extract {Path.GetFileName(readability)}", pages.Count, step => run = ReadabilityRun.Run(pages, extractor, errors, step, Sink(outDir, "readability")));
            report["readability"] = ReadabilityJson(run);
            if (!json)
            {
                PrintReadability(run, extractor);
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report));
        }

        return 0;
    }

    /// <summary>Where <c>--out</c> puts a page's text: DIR/set/name.txt, or nowhere.</summary>
    private static Action<string, string>? Sink(DirectoryInfo? outDir, string set)
    {
        if (outDir is null)
        {
            return null;
        }

        var dir = Directory.CreateDirectory(Path.Combine(outDir.FullName, set)).FullName;
        return (name, text) => File.WriteAllText(Path.Combine(dir, Path.GetFileName(name) + ".txt"), text);
    }

    private static void PrintSnippet(SnippetRun run, string extractor)
    {
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150);
        AnsiConsole.WriteLine($"trafilatura eval corpus ({run.Extracted["whole"].Pages} pages), extractor: {extractor}");
        var table = new Table().AddColumns("slice", "pages", "TP", "FP", "FN", "precision", "recall", "F1", "served P", "served R", "served F1");
        foreach (var slice in SnippetRun.Slices)
        {
            var s = run.Extracted[slice];
            var v = run.Served[slice];
            table.AddRow(slice, I(s.Pages), I(s.TruePositives), I(s.FalsePositives), I(s.FalseNegatives), F(s.Precision), F(s.Recall), F(s.F1), F(v.Precision), F(v.Recall), F(v.F1));
        }

        foreach (var (name, p, r, f1) in PublishedSnippet)
        {
            table.AddRow($"[grey]published: {Markup.Escape(name)}[/]", "990", "", "", "", F(p), F(r), F(f1), "", "", "");
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("served = as the API answers: a page the quality gate rejects gives no text.");
        AnsiConsole.WriteLine($"methods: {Counts(run.Methods)}; rejected: {Counts(run.Rejections)}");
        AnsiConsole.WriteLine($"speed: {run.Timings.Describe()}");
    }

    private static void PrintReadability(ReadabilityRun run, string extractor)
    {
        AnsiConsole.WriteLine($"Readability test pages ({run.Pages} pages), extractor: {extractor}");
        var table = new Table().AddColumns("slice", "pages", "precision", "recall", "F1");
        foreach (var slice in ReadabilityRun.Slices)
        {
            var s = run.Body[slice];
            table.AddRow(slice, I(s.Pages), F(s.Precision), F(s.Recall), F(s.F1));
        }

        foreach (var (name, p, r, f1) in PublishedShingle)
        {
            table.AddRow($"[grey]published: {Markup.Escape(name)}[/]", "130", F(p), F(r), F(f1));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("metadata accuracy: " + string.Join(", ", ReadabilityRun.Fields.Select(f => $"{f} {F((double)run.Correct[f] / Math.Max(1, run.Pages))} ({run.Correct[f]}/{run.Pages})")));
        AnsiConsole.WriteLine($"speed: {run.Timings.Describe()}");
    }

    private static object SnippetJson(SnippetRun run) => new
    {
        slices = SnippetRun.Slices.Select(s => new
        {
            slice = s,
            pages = run.Extracted[s].Pages,
            tp = run.Extracted[s].TruePositives,
            fp = run.Extracted[s].FalsePositives,
            fn = run.Extracted[s].FalseNegatives,
            precision = Math.Round(run.Extracted[s].Precision, 4),
            recall = Math.Round(run.Extracted[s].Recall, 4),
            f1 = Math.Round(run.Extracted[s].F1, 4),
            served_f1 = Math.Round(run.Served[s].F1, 4),
        }),
        methods = run.Methods,
        rejected = run.Rejections,
        speed = run.Timings.ToJson(),
    };

    private static object ReadabilityJson(ReadabilityRun run) => new
    {
        slices = ReadabilityRun.Slices.Select(s => new { slice = s, pages = run.Body[s].Pages, precision = Math.Round(run.Body[s].Precision, 4), recall = Math.Round(run.Body[s].Recall, 4), f1 = Math.Round(run.Body[s].F1, 4) }),
        metadata = ReadabilityRun.Fields.ToDictionary(f => f, f => Math.Round((double)run.Correct[f] / Math.Max(1, run.Pages), 4)),
        speed = run.Timings.ToJson(),
    };

    private static string Counts(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));

    private static string F(double? v) => v is null ? "" : v.Value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
