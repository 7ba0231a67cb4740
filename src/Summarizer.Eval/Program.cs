using System.CommandLine;
using Summarizer.Eval;

var root = new RootCommand("Summarizer.Eval: ROUGE and quote scoring over JSONL, and speed runs")
{
    RougeCommand.Create(),
    QuotesCommand.Create(),
    BenchCommands.Bench(),
    BenchCommands.Speed(),
};

return root.Parse(args).Invoke();
