using Spectre.Console;

namespace Summarizer.Eval;

/// <summary>A Spectre.Console progress bar on standard error, so standard output stays clean for tables and JSON.</summary>
internal static class Progress
{
    public static void Run(string label, int total, Action<Action> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Interactive)
        {
            work(() => { });
            return;
        }

        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
            work(() => task.Increment(1));
        });
    }
}
