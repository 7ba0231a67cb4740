using System.CommandLine;
using Summarizer.Eval;
using Summarizer.Eval.Faithfulness;

var root = new RootCommand("Summarizer.Eval: ROUGE and quote scoring over JSONL, article extraction on HTML pages, speed runs, and the mutation-corpus fuzz")
{
    RougeCommand.Create(),
    QuotesCommand.Create(),
    DedupCommand.Create(),
    ExtractCommand.Create(),
    FaithfulnessCommand.Create(),
    ReceiptSpeedCommand.Create(),
    BenchCommands.Bench(),
    BenchCommands.Speed(),
    BriefSpeedCommand.Create(),
    FuzzCommand.Create(),
    HttpFuzzCommand.Create(),
};

return root.Parse(args).Invoke();
