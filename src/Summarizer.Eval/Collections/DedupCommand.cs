using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Summarizer.Eval.Data;
using Summarizer.Grains.Collections;

namespace Summarizer.Eval;

/// <summary>
/// <c>dedup</c>: quote de-duplication across articles, scored on story clusters built from PolNeAR:
/// articles of different publishers at most 3 days apart that quote a named speaker in common. The
/// candidate pairs are every two gold quotes of a cluster's articles sharing a run of 4 words (a
/// test independent of <see cref="QuoteWords"/>); each was judged by hand (same statement or not,
/// <c>--labels</c>), and <see cref="QuoteWords.SameStatement"/> is scored on them.
/// </summary>
internal static partial class DedupCommand
{
    public static Command Create()
    {
        var articles = new Option<FileInfo>("--articles") { Description = "polnear_articles.jsonl", Required = true };
        var gold = new Option<FileInfo>("--gold") { Description = "polnear_quotes.jsonl", Required = true };
        var labels = new Option<FileInfo?>("--labels") { Description = "TSV of hand-judged pairs: quote id, quote id, 1|0, note (without it: print the candidates to judge)" };
        var command = new Command("dedup", "cross-article quote de-duplication precision/recall on PolNeAR story clusters") { articles, gold, labels };
        command.SetAction(parse => Run(parse.GetValue(articles)!, parse.GetValue(gold)!, parse.GetValue(labels)));
        return command;
    }

    private static int Run(FileInfo articlesFile, FileInfo goldFile, FileInfo? labelsFile)
    {
        var articles = JsonLines.Read<PolnearArticle>(articlesFile.FullName).ToDictionary(a => a.Id);
        var quotes = JsonLines.Read<GoldQuote>(goldFile.FullName);
        var clusters = Clusters(articles, quotes);
        var candidates = Candidates(articles, quotes, clusters);
        Console.WriteLine($"{articles.Count} articles, {clusters.Count} linked article pairs (different publishers, ≤ 3 days apart, a named speaker in common), {candidates.Count} candidate quote pairs");
        if (labelsFile is null)
        {
            foreach (var (a, b) in candidates)
            {
                Console.WriteLine($"{a.Id}\t{b.Id}\t?\t{Clip(a.Quote)} || {Clip(b.Quote)}");
            }

            return 0;
        }

        var labels = File.ReadLines(labelsFile.FullName)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(f => (f[0], f[1]), f => f[2] == "1");
        int tp = 0, fp = 0, fn = 0, tn = 0, unlabelled = 0;
        foreach (var (a, b) in candidates)
        {
            if (!labels.TryGetValue((a.Id, b.Id), out var same))
            {
                unlabelled++;
                continue;
            }

            var merged = QuoteWords.SameStatement(QuoteWords.Of(a.Quote), QuoteWords.Of(b.Quote));
            (tp, fp, fn, tn) = (same, merged) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            if (same != merged)
            {
                Console.WriteLine($"  {(merged ? "FP" : "FN")}: {Clip(a.Quote)} || {Clip(b.Quote)}");
            }
        }

        // Pairs the merger joins that the 4-word test did not propose (so nobody judged them).
        var outside = 0;
        var proposed = candidates.Select(c => (c.A.Id, c.B.Id)).ToHashSet();
        foreach (var (a, b) in AllClusterPairs(quotes, clusters))
        {
            if (!proposed.Contains((a.Id, b.Id)) && QuoteWords.SameStatement(QuoteWords.Of(a.Quote), QuoteWords.Of(b.Quote)))
            {
                outside++;
                Console.WriteLine($"  merged but not a candidate: {Clip(a.Quote)} || {Clip(b.Quote)}");
            }
        }

        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"judged pairs {tp + fp + fn + tn} (same {tp + fn}, different {fp + tn}), unlabelled {unlabelled}: precision {precision:F3} ({tp}/{tp + fp}), recall {recall:F3} ({tp}/{tp + fn}); merged outside the candidates: {outside}"));
        return unlabelled == 0 ? 0 : 1;
    }

    /// <summary>Pairs of articles (ids ordered) of different publishers, ≤ 3 days apart, with a gold named speaker's surname in common.</summary>
    private static HashSet<(string, string)> Clusters(Dictionary<string, PolnearArticle> articles, IReadOnlyList<GoldQuote> quotes)
    {
        var surnames = quotes.Where(q => q.Speaker is not null)
            .GroupBy(q => q.ArticleId)
            .ToDictionary(g => g.Key, g => g.Select(q => Surname(q.Speaker!)).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var linked = new HashSet<(string, string)>();
        var list = articles.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                if (a.Publisher == b.Publisher || Math.Abs((Date(a) - Date(b)).TotalDays) > 3)
                {
                    continue;
                }

                if (surnames.TryGetValue(a.Id, out var sa) && surnames.TryGetValue(b.Id, out var sb) && sa.Overlaps(sb))
                {
                    linked.Add((a.Id, b.Id));
                }
            }
        }

        return linked;
    }

    private static IEnumerable<(GoldQuote A, GoldQuote B)> AllClusterPairs(IReadOnlyList<GoldQuote> quotes, HashSet<(string, string)> clusters)
    {
        var byArticle = quotes.ToLookup(q => q.ArticleId);
        foreach (var (x, y) in clusters.OrderBy(c => c.Item1, StringComparer.Ordinal).ThenBy(c => c.Item2, StringComparer.Ordinal))
        {
            foreach (var a in byArticle[x])
            {
                foreach (var b in byArticle[y])
                {
                    yield return (a, b);
                }
            }
        }
    }

    private static List<(GoldQuote A, GoldQuote B)> Candidates(Dictionary<string, PolnearArticle> articles, IReadOnlyList<GoldQuote> quotes, HashSet<(string, string)> clusters) =>
        [.. AllClusterPairs(quotes, clusters).Where(p => Grams(p.A.Quote).Overlaps(Grams(p.B.Quote)))];

    private static HashSet<string> Grams(string quote)
    {
        var words = Word().Matches(quote.ToLowerInvariant().Replace("’", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)).Select(m => m.Value).ToArray();
        return [.. Enumerable.Range(0, Math.Max(0, words.Length - 3)).Select(i => string.Join(' ', words[i..(i + 4)]))];
    }

    /// <summary>The last capitalised word of a speaker span that names someone ("Mr. Podesta" → Podesta); null for pronouns and descriptions.</summary>
    private static string? Surname(string speaker)
    {
        var last = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimEnd('.', ',', '\'', '’', 's');
        return last is { Length: > 1 } && char.IsUpper(last[0]) && last.Skip(1).Any(char.IsLower) ? last : null;
    }

    private static DateTime Date(PolnearArticle a) => DateTime.ParseExact(a.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clip(string s) => s.Length <= 110 ? s : s[..107] + "...";

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();

    private sealed record PolnearArticle(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("publisher")] string Publisher,
        [property: JsonPropertyName("date")] string Date);
}
