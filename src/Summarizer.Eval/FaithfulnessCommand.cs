using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Eval.Data;
using Summarizer.Eval.Faithfulness;
using Summarizer.Text;
using Summarizer.Text.Faithfulness;

namespace Summarizer.Eval;

/// <summary>
/// <c>faithfulness</c>: receipts of the extractive brief and of the reference summary of every article,
/// untouched (false flags) and perturbed one fact at a time (detection recall per kind), per data
/// file, brief kind and fold.
/// </summary>
internal static class FaithfulnessCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo[]>("--data") { Description = "JSONL files with id, article and (optionally) reference", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--out") { Description = "write every checked sentence (kind, perturbation, flagged, issues) as JSONL, for error analysis" };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON" };
        var command = new Command("faithfulness", "receipt checker: recall on perturbed summary sentences and false flags on untouched ones") { data, output, json };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(output), parse.GetValue(json)));
        return command;
    }

    private static int Run(FileInfo[] files, FileInfo? output, bool json)
    {
        var pipeline = InProcessDigest.Create();
        var tallies = new SortedDictionary<string, FaithfulnessTally>(StringComparer.Ordinal);
        using var writer = output is null ? null : new StreamWriter(output.FullName);
        foreach (var file in files)
        {
            var examples = JsonLines.Read<SummaryExample>(file.FullName);
            Progress.Run($"faithfulness {file.Name}", examples.Count, step =>
            {
                foreach (var e in examples)
                {
                    var digest = pipeline.Run(e.Article, null, Summarizer.Contracts.BriefLength.Short);
                    var facts = ArticleFacts.Build(digest.Document, digest.Quotes);
                    var briefs = new List<(string Kind, IReadOnlyList<string> Sentences)> { ("extractive", digest.Brief) };
                    if (!string.IsNullOrWhiteSpace(e.Reference))
                    {
                        briefs.Add(("reference", ReferenceSentences(e.Reference)));
                    }

                    foreach (var (kind, sentences) in briefs)
                    {
                        var keys = new[] { $"{file.Name}|{kind}|whole", $"{file.Name}|{kind}|fold {Folds.Of(e.Id)}" };
                        foreach (var sentence in sentences)
                        {
                            var receipt = FaithfulnessChecker.CheckSentence(facts, sentence);
                            Tally(tallies, keys, t => t.AddUntouched(receipt));
                            Write(writer, e.Id, kind, null, receipt);
                            foreach (var p in Perturbations.All(e.Id, digest.Document.Text, sentence))
                            {
                                var perturbed = FaithfulnessChecker.CheckSentence(facts, p.Sentence);
                                Tally(tallies, keys, t => t.AddPerturbed(p.Kind, perturbed.Flagged));
                                Write(writer, e.Id, kind, p, perturbed);
                            }
                        }
                    }

                    step();
                }
            });
        }

        var rows = tallies.Select(t => Figures(t.Key, t.Value)).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(rows));
            return 0;
        }

        var table = new Table().AddColumns(["data", "brief", "split", "sentences", "false flags", .. Perturbations.Kinds.Select(k => $"recall {k}"), "flag kinds (untouched)"]);
        foreach (var (key, t) in tallies)
        {
            var parts = key.Split('|');
            table.AddRow([parts[0], parts[1], parts[2], I(t.Untouched), $"{F(t.FalseFlagRate)} ({t.FalseFlags})",
                .. Perturbations.Kinds.Select(k => t.Perturbed.TryGetValue(k, out var c) ? $"{F((double)c.Detected / c.Total)} ({c.Detected}/{c.Total})" : "-"),
                Markup.Escape(string.Join(' ', t.FlagKinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}:{k.Value}")))]);
        }

        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>CNN/DM highlights are one per line; an XSum reference is one sentence.</summary>
    internal static IReadOnlyList<string> ReferenceSentences(string reference) =>
        [.. reference.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static void Tally(SortedDictionary<string, FaithfulnessTally> tallies, string[] keys, Action<FaithfulnessTally> add)
    {
        foreach (var key in keys)
        {
            if (!tallies.TryGetValue(key, out var t))
            {
                tallies[key] = t = new FaithfulnessTally();
            }

            add(t);
        }
    }

    private static void Write(StreamWriter? writer, string id, string kind, Perturbation? p, SentenceReceipt receipt) =>
        writer?.WriteLine(JsonSerializer.Serialize(new
        {
            id,
            brief = kind,
            perturbation = p?.Kind,
            original = p?.Original,
            replacement = p?.Replacement,
            sentence = receipt.Text,
            flagged = receipt.Flagged,
            support = receipt.Support,
            issues = receipt.Issues.Select(i => $"{i.Kind}: {i.Detail}"),
        }));

    private static object Figures(string key, FaithfulnessTally t)
    {
        var parts = key.Split('|');
        return new
        {
            data = parts[0],
            brief = parts[1],
            split = parts[2],
            untouched = t.Untouched,
            false_flags = t.FalseFlags,
            false_flag_rate = Math.Round(t.FalseFlagRate, 4),
            flag_kinds = t.FlagKinds,
            recall = t.Perturbed.ToDictionary(k => k.Key, k => new { perturbed = k.Value.Total, detected = k.Value.Detected, recall = Math.Round((double)k.Value.Detected / k.Value.Total, 4) }),
        };
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Counts for one data file × brief kind × split.</summary>
internal sealed class FaithfulnessTally
{
    public int Untouched { get; private set; }

    public int FalseFlags { get; private set; }

    public double FalseFlagRate => Untouched == 0 ? 0 : (double)FalseFlags / Untouched;

    public SortedDictionary<string, int> FlagKinds { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, (int Total, int Detected)> Perturbed { get; } = new(StringComparer.Ordinal);

    public void AddUntouched(SentenceReceipt receipt)
    {
        Untouched++;
        if (!receipt.Flagged)
        {
            return;
        }

        FalseFlags++;
        foreach (var kind in receipt.Issues.Select(i => i.Kind).Distinct(StringComparer.Ordinal))
        {
            FlagKinds[kind] = FlagKinds.GetValueOrDefault(kind) + 1;
        }
    }

    public void AddPerturbed(string kind, bool detected)
    {
        var (total, found) = Perturbed.GetValueOrDefault(kind);
        Perturbed[kind] = (total + 1, found + (detected ? 1 : 0));
    }
}
