using Summarizer.Eval.Data;
using Summarizer.Extraction;

namespace Summarizer.Eval.Extraction;

/// <summary>Scores an extractor on Mozilla Readability's test pages: body shingles (whole and per fold)
/// and metadata accuracy (title, byline, date, language) against the suite's expected metadata.</summary>
internal sealed class ReadabilityRun
{
    public static readonly string[] Slices = ["whole", "fold A", "fold B"];
    public static readonly string[] Fields = ["title", "byline", "date", "lang"];

    public Dictionary<string, ShingleScore> Body { get; } = Slices.ToDictionary(s => s, _ => new ShingleScore());

    public Dictionary<string, int> Correct { get; } = Fields.ToDictionary(f => f, _ => 0);

    public int Pages { get; private set; }

    public Timings Timings { get; } = new();

    public static ReadabilityRun Run(IReadOnlyList<ReadabilityPage> pages, string extractorName, TextWriter? errors, Action step, Action<string, string>? write = null)
    {
        var run = new ReadabilityRun();
        var extract = EvalExtractors.ForText(extractorName, EvalExtractors.Create(extractorName));
        foreach (var page in pages)
        {
            var url = new Uri($"http://fakehost/test/{Uri.EscapeDataString(page.Id)}/");
            run.Timings.Mark(true);
            var output = extract(page.Html, url);
            run.Timings.Mark(false);
            write?.Invoke(page.Id, output.Text);
            var body = run.Body["whole"].Add(page.ArticleBody ?? "", output.Text);
            run.Body[Folds.ByHash(page.Id) == 'A' ? "fold A" : "fold B"].Add(page.ArticleBody ?? "", output.Text);
            if (body.Tp < 0.9)
            {
                errors?.WriteLine($"BODY\t{page.Id}\t{output.Method}\ttp={body.Tp:0.00}\tfp={body.Fp:0.00}\tfn={body.Fn:0.00}");
            }

            var m = output.Metadata ?? PageMetadata.Empty;
            run.Judge("title", page.Id, page.Title, m.Title, errors);
            run.Judge("byline", page.Id, page.Byline, m.Byline, errors);
            run.Judge("date", page.Id, DateText(page.PublishedTime), DateText(m.Published), errors);
            run.Judge("lang", page.Id, page.Lang?.ToLowerInvariant(), m.Language?.ToLowerInvariant(), errors);
            run.Pages++;
            step();
        }

        return run;
    }

    private void Judge(string field, string id, string? expected, string? actual, TextWriter? errors)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        if (e == a)
        {
            Correct[field]++;
        }
        else
        {
            errors?.WriteLine($"META\t{id}\t{field}\texpected={e}\tgot={a}");
        }
    }

    private static string? Normalize(string? s) => string.IsNullOrWhiteSpace(s) ? null : SnippetScore.Normalize(s);

    /// <summary>Dates compare by day: the suite gives ISO timestamps, the extractor yyyy-MM-dd.</summary>
    private static string? DateText(string? s) => s is { Length: >= 10 } && char.IsDigit(s[0]) ? s[..10] : Normalize(s);
}
