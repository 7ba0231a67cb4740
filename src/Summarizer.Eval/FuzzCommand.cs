using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Summarizer.Eval.Fuzz;
using Summarizer.Text;

namespace Summarizer.Eval;

/// <summary><c>fuzz</c>: the mutation corpus, longer than <c>dotnet test</c> runs it; exit 1 when any mutant breaks the pipeline.</summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "number of mutants", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "seed of the first mutant (mutant i has seed + i); a failure prints its seed", DefaultValueFactory = _ => 1 };
        var data = new Option<DirectoryInfo?>("--data") { Description = "shared/data/eval folder (default: SUMMARIZER_EVAL_DATA, else found beside this folder or a parent)" };
        var textOnly = new Option<bool>("--text-only") { Description = "only the Summarizer.Text stages, not the service's digest pipeline too" };
        var show = new Option<bool>("--show") { Description = "print each failing mutant's text" };
        var command = new Command("fuzz", "mutated real articles through the whole text pipeline: no exception, every stage's invariants hold") { cases, seed, data, textOnly, show };
        command.SetAction(parse => Run(parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(data)?.FullName, parse.GetValue(textOnly), parse.GetValue(show)));
        return command;
    }

    private static int Run(int cases, int seed, string? data, bool textOnly, bool show)
    {
        var folder = data ?? EvalCorpus.Locate();
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("No eval data: pass --data ../shared/data/eval or set SUMMARIZER_EVAL_DATA.");
            return 2;
        }

        var articles = EvalCorpus.Load(folder);
        var fuzz = new TextFuzz(new ArticleMutator(articles), TokenCounter.CreateO200k(), textOnly ? null : InProcessDigest.Create());
        var clock = Stopwatch.StartNew();
        FuzzReport report = null!;
        Progress.Run($"fuzz {cases} mutants", cases, step => report = fuzz.Run(seed, cases, step));
        clock.Stop();

        foreach (var failure in report.Failures.Take(50))
        {
            Console.WriteLine(failure);
            if (show)
            {
                Console.WriteLine(failure.Case.Text);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {report.Cases} mutants of {articles.Count} articles (seeds {seed}..{seed + cases - 1}), {report.Characters / 1_000_000.0:0.0} M chars, {report.Quotes} quotes, {report.Failures.Count} failures, {clock.Elapsed.TotalSeconds:0.0} s{(textOnly ? " (text stages only)" : " (text stages + digest pipeline)")}"));
        return report.Failures.Count == 0 ? 0 : 1;
    }
}
