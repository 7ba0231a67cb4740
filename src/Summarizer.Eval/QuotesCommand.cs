using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Eval.Data;
using Summarizer.Eval.Quotes;

namespace Summarizer.Eval;

/// <summary><c>quotes</c>: quote precision/recall and speaker accuracy against PolNeAR gold, whole and per fold.</summary>
internal static class QuotesCommand
{
    public static Command Create()
    {
        var articles = new Option<FileInfo>("--articles") { Description = "JSONL with id, article", Required = true };
        var gold = new Option<FileInfo>("--gold") { Description = "JSONL of gold quotes (polnear_quotes.jsonl format)", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "write {\"article_id\",\"quotes\":[{text,speaker,start,end}]} lines (raw-text offsets)" };
        var errors = new Option<FileInfo?>("--errors") { Description = "write every missed quote, false positive and wrong speaker (for error analysis)" };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON" };
        var command = new Command("quotes", "quote precision, recall and speaker accuracy against annotated quotes") { articles, gold, output, errors, json };
        command.SetAction(parse => Run(parse.GetValue(articles)!, parse.GetValue(gold)!, parse.GetValue(output), parse.GetValue(errors), parse.GetValue(json)));
        return command;
    }

    private static int Run(FileInfo articlesFile, FileInfo goldFile, FileInfo? output, FileInfo? errors, bool json)
    {
        var articles = JsonLines.Read<QuoteArticle>(articlesFile.FullName);
        var gold = JsonLines.Read<GoldQuote>(goldFile.FullName).ToLookup(q => q.ArticleId);
        var pipeline = InProcessDigest.Create();
        var tallies = new Dictionary<string, QuoteTally> { ["whole"] = new(), ["fold A"] = new(), ["fold B"] = new() };
        foreach (var publisher in articles.Select(a => a.Publisher).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            tallies[publisher] = new();
        }

        var (selfChecked, selfFailed) = (0, new List<string>());
        using var writer = output is null ? null : new StreamWriter(output.FullName);
        using var errorWriter = errors is null ? null : new StreamWriter(errors.FullName);

        Progress.Run($"quotes {articlesFile.Name}", articles.Count, step =>
        {
            foreach (var a in articles)
            {
                var digest = pipeline.Run(a.Article, null, Summarizer.Contracts.BriefLength.Short);
                var map = new OffsetMap(a.Article, digest.Document.Text);
                var predicted = digest.Quotes
                    .Select(q => new PredictedQuote(q.Text, q.Speaker, map.ToRaw(q.Start), map.EndToRaw(q.End)) { Rule = q.Rule })
                    .ToList();
                var goldQuotes = gold[a.Id].ToList();
                var names = new ArticleNames(a.Article, goldQuotes.Select(q => q.Speaker));
                foreach (var g in goldQuotes.Where(q => SpeakerMatcher.Classify(q.Speaker) is SpeakerKind.Named or SpeakerKind.Described))
                {
                    // The judge's own check: every gold speaker, as the prediction, is right.
                    selfChecked++;
                    if (!StrictSpeakerJudge.Matches(g.Speaker!, g.Speaker, g.Start, names))
                    {
                        selfFailed.Add($"{a.Id}: {g.Speaker}");
                    }
                }

                var pairs = tallies["whole"].Add(goldQuotes, predicted, names);
                tallies["fold " + Folds.Of(a.Id)].Add(goldQuotes, predicted, names);
                if (a.Publisher is { } publisher)
                {
                    tallies[publisher].Add(goldQuotes, predicted, names);
                }

                writer?.WriteLine(JsonSerializer.Serialize(new
                {
                    article_id = a.Id,
                    quotes = predicted.Select(q => new { text = q.Text, speaker = q.Speaker, start = q.Start, end = q.End, rule = q.Rule }),
                }));
                if (errorWriter is not null)
                {
                    WriteErrors(errorWriter, a, pairs, predicted, names);
                }

                step();
            }
        });

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(tallies.Select(s => Figures(s.Key, s.Value))));
            return 0;
        }

        Print(tallies);
        Console.WriteLine($"strict judge self-check: {selfChecked - selfFailed.Count}/{selfChecked} gold speakers judged right against themselves");
        foreach (var f in selfFailed)
        {
            Console.WriteLine("  self-check failed: " + f);
        }

        return 0;
    }

    /// <summary>
    /// Whole, folds, then one row per publisher (leave-one-publisher-out: each row is a publisher
    /// the rules must hold on), and the lowest publisher. "L" is the lenient (surname) judge, "S" the strict one.
    /// </summary>
    private static void Print(Dictionary<string, QuoteTally> tallies)
    {
        var table = new Table().AddColumns("split", "pred", "gold", "precision", "recall", "recall full", "speaker L", "speaker S", "S full", "named L / S", "described L / S", "pronoun→name L / S", "shared surname");
        foreach (var (name, t) in tallies)
        {
            table.AddRow(name, I(t.Predicted), I(t.Gold), F(t.Precision), F(t.Recall), F(t.RecallFull),
                $"{F(t.SpeakerAccuracy)} ({t.SpeakerCorrect}/{t.SpeakerJudged})", $"{F(t.StrictAccuracy)} ({t.StrictCorrect}/{t.SpeakerJudged})",
                F(t.StrictAccuracyFull),
                $"{F(t.NamedAccuracy)} / {F(t.StrictNamedAccuracy)} (n={t.NamedJudged})", $"{F(t.DescribedAccuracy)} / {F(t.StrictDescribedAccuracy)} (n={t.DescribedJudged})",
                $"{F(t.PronounAccuracy)} / {F(t.StrictPronounAccuracy)} (n={t.PronounJudged})", I(t.SharedSurnames));
        }

        var publishers = tallies.Skip(3).ToList();
        if (publishers.Count > 0)
        {
            var low = publishers.MinBy(p => p.Value.StrictAccuracy);
            table.AddRow("lowest publisher (strict)", string.Empty, string.Empty, F(publishers.Min(p => p.Value.Precision)), F(publishers.Min(p => p.Value.Recall)), string.Empty,
                F(publishers.Min(p => p.Value.SpeakerAccuracy)), $"{F(low.Value.StrictAccuracy)} ({low.Key})", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        }

        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 220);
        AnsiConsole.Write(table);
    }

    private static object Figures(string split, QuoteTally t) => new
    {
        split,
        predicted = t.Predicted,
        gold = t.Gold,
        precision = Math.Round(t.Precision, 4),
        recall = Math.Round(t.Recall, 4),
        recall_full = Math.Round(t.RecallFull, 4),
        speaker_accuracy = Math.Round(t.SpeakerAccuracy, 4),
        speaker_judged = t.SpeakerJudged,
        speaker_accuracy_full = Math.Round(t.SpeakerAccuracyFull, 4),
        speaker_judged_full = t.SpeakerJudgedFull,
        named_accuracy = Math.Round(t.NamedAccuracy, 4),
        described_accuracy = Math.Round(t.DescribedAccuracy, 4),
        pronoun_resolved = Math.Round(t.PronounAccuracy, 4),
        pronoun_judged = t.PronounJudged,
        strict_speaker_accuracy = Math.Round(t.StrictAccuracy, 4),
        strict_speaker_accuracy_full = Math.Round(t.StrictAccuracyFull, 4),
        strict_named_accuracy = Math.Round(t.StrictNamedAccuracy, 4),
        strict_described_accuracy = Math.Round(t.StrictDescribedAccuracy, 4),
        strict_pronoun_resolved = Math.Round(t.StrictPronounAccuracy, 4),
        shared_surnames = t.SharedSurnames,
    };

    private static void WriteErrors(StreamWriter w, QuoteArticle a, IReadOnlyList<(GoldQuote Gold, PredictedQuote? Predicted)> pairs, IReadOnlyList<PredictedQuote> predicted, ArticleNames names)
    {
        var matched = pairs.Where(p => p.Predicted is not null).Select(p => p.Predicted!).ToHashSet();
        foreach (var (g, p) in pairs)
        {
            if (p is null)
            {
                w.WriteLine($"MISS\t{a.Id}\t{g.QuoteType}\t{g.Speaker}\t{Context(a.Article, g.Start, g.End)}");
            }
            else
            {
                var kind = SpeakerMatcher.Classify(g.Speaker);
                if (kind is SpeakerKind.Named or SpeakerKind.Described
                    && (SpeakerMatcher.Matches(g.Speaker!, p.Speaker), StrictSpeakerJudge.Matches(g.Speaker!, p.Speaker, g.Start, names)) is var (lenient, strict) && !(lenient && strict))
                {
                    var gold = SpeakerEntity.Parse(g.Speaker) is { Name: not null } e ? names.Resolve(e, g.Start).ToString() : g.Speaker;
                    w.WriteLine($"SPEAKER\t{(lenient ? "L" : "-")}{(strict ? "S" : "-")}\t{a.Id}\t{g.QuoteType}\tgold={g.Speaker} => {gold}\tpred={p.Speaker}\trule={p.Rule}\t{Context(a.Article, g.Start, g.End)}");
                }
                else if (kind == SpeakerKind.Pronoun)
                {
                    var ok = SpeakerMatcher.CorefName(g.SpeakerCorefAuto) is { } name && SpeakerMatcher.Matches(name, p.Speaker);
                    w.WriteLine($"PRONOUN\t{(ok ? "ok" : "no")}\t{a.Id}\tgold={g.Speaker}/{g.SpeakerCorefAuto}\tpred={p.Speaker}\t{Context(a.Article, g.Start, g.End)}");
                }
            }
        }

        foreach (var p in predicted.Where(p => !matched.Contains(p)))
        {
            w.WriteLine($"FALSE\t{a.Id}\tpred={p.Speaker}\trule={p.Rule}\t{Context(a.Article, p.Start, p.End)}");
        }
    }

    private static string Context(string text, int start, int end)
    {
        var s = Math.Max(0, start - 150);
        var e = Math.Min(text.Length, end + 150);
        return (text[s..start] + "[[" + text[start..end] + "]]" + text[end..e]).Replace('\n', ' ');
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
