using System.CommandLine;
using Summarizer.Eval;

var root = new RootCommand("Summarizer.Eval: ROUGE and quote scoring over JSONL, article extraction on HTML pages, speed runs, and the mutation-corpus fuzz")
{
    RougeCommand.Create(),
    QuotesCommand.Create(),
    DedupCommand.Create(),
    ExtractCommand.Create(),
    BenchCommands.Bench(),
    BenchCommands.Speed(),
    FuzzCommand.Create(),
    HttpFuzzCommand.Create(),
};

return root.Parse(args).Invoke();
