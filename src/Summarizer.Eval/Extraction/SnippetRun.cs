using Summarizer.Eval.Data;
using Summarizer.Extraction;

namespace Summarizer.Eval.Extraction;

/// <summary>Scores an extractor on the trafilatura corpus, whole and per slice, and times it.</summary>
internal sealed class SnippetRun
{
    public static readonly string[] Slices = ["whole", "fold A", "fold B", "English", "not English"];

    /// <summary>Scores of the text as extracted, by slice.</summary>
    public Dictionary<string, SnippetScore> Extracted { get; } = Slices.ToDictionary(s => s, _ => new SnippetScore());

    /// <summary>Scores as the service answers: a page the quality gate rejects yields no text.</summary>
    public Dictionary<string, SnippetScore> Served { get; } = Slices.ToDictionary(s => s, _ => new SnippetScore());

    public Timings Timings { get; } = new();

    public Dictionary<string, int> Methods { get; } = [];

    public Dictionary<string, int> Rejections { get; } = [];

    public static SnippetRun Run(IReadOnlyList<SnippetPage> pages, string extractorName, TextWriter? errors, Action step, Action<string, string>? write = null)
    {
        var run = new SnippetRun();
        var extractor = EvalExtractors.Create(extractorName);
        var warmUp = EvalExtractors.ForBytes(extractorName, extractor, _ => { });
        foreach (var page in pages.Take(20))
        {
            warmUp(page.Html, new Uri(page.Url));
        }

        var extract = EvalExtractors.ForBytes(extractorName, extractor, run.Timings.Mark);
        foreach (var page in pages)
        {
            var output = extract(page.Html, new Uri(page.Url));
            write?.Invoke(page.File, output.Text);
            run.Methods[output.Method] = run.Methods.GetValueOrDefault(output.Method) + 1;
            if (output.Rejected is { } reason)
            {
                run.Rejections[reason] = run.Rejections.GetValueOrDefault(reason) + 1;
                errors?.WriteLine($"REJECTED\t{page.Url}\t{reason}\t{page.With.Count} with");
            }

            var slices = new[] { "whole", Folds.ByHash(page.Url) == 'A' ? "fold A" : "fold B", EnglishPages.IsEnglish(page.With.Concat(page.Without)) ? "English" : "not English" };
            (List<string> Missed, List<string> Kept) found = ([], []);
            foreach (var slice in slices)
            {
                found = run.Extracted[slice].Add(output.Text, page.With, page.Without);
                run.Served[slice].Add(output.Rejected is null ? output.Text : "", page.With, page.Without);
            }

            foreach (var m in found.Missed)
            {
                errors?.WriteLine($"MISS\t{page.Url}\t{page.File}\t{output.Method}\t{m}");
            }

            foreach (var k in found.Kept)
            {
                errors?.WriteLine($"KEPT\t{page.Url}\t{page.File}\t{output.Method}\t{k}");
            }

            step();
        }

        return run;
    }
}
