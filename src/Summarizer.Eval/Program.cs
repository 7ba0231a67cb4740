using System.CommandLine;
using Summarizer.Eval;
using Summarizer.Eval.Faithfulness;

var root = new RootCommand("Summarizer.Eval: ROUGE and quote scoring over JSONL, article extraction on HTML pages, and speed runs")
{
    RougeCommand.Create(),
    QuotesCommand.Create(),
    ExtractCommand.Create(),
    FaithfulnessCommand.Create(),
    ReceiptSpeedCommand.Create(),
    BenchCommands.Bench(),
    BenchCommands.Speed(),
};

return root.Parse(args).Invoke();
