using Summarizer.Testing.ModelServers;
using Summarizer.Text;

namespace Summarizer.Testing;

/// <summary>
/// How the long-article harness sets up the shared <see cref="LoopbackModelServer"/>: it waits
/// 50 ms per call (the model's time), answers with the first words of the last user message as
/// sentences, streams word by word, counts tokens with the harness's tokenizer, and records each
/// call's kind (map, reduce or brief, read from the prompt); a key-quote choice gets a valid choice.
/// </summary>
public static class LoopbackAnswers
{
    public static async Task<LoopbackModelServer> StartServerAsync(TokenCounter tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var server = await LoopbackModelServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(50);
        server.CountTokens = tokens.Count;
        server.Classify = KindOf;
        // A quote choice gets the JSON its prompt asks for (the first extracted quote): prose would be a
        // bad answer, degrading every digest and collection (and, remembered, stopping later quote calls).
        server.Responder = request => KindOf(request.Prompt) == "Quotes" ? QuoteChoice : Answer(request.LastUserMessage);
        server.StreamPieces = LoopbackModelServer.Words;
        return server;
    }

    /// <summary>The harness's answer to every key-quote choice.</summary>
    public const string QuoteChoice = """[{"index": 0, "text": ""}]""";

    /// <summary>
    /// What the call is for, from the prompt templates' wording (Summarizer.Backends/Prompts): a
    /// map prompt speaks of "one part of a long article", a reduce prompt of "partial summaries", a collection's combine prompt of "several articles about one story", a quote choice of "choosing the key quotes".
    /// </summary>
    public static string KindOf(string prompt) =>
        prompt.Contains("part of a long article", StringComparison.OrdinalIgnoreCase) ? "Map"
        : prompt.Contains("partial summaries", StringComparison.OrdinalIgnoreCase) ? "Reduce"
        : prompt.Contains("several articles about one story", StringComparison.OrdinalIgnoreCase) ? "Combine"
        : prompt.Contains("choosing the key quotes", StringComparison.OrdinalIgnoreCase) ? "Quotes"
        : "Brief";

    /// <summary>Two short sentences (one per line, as the prompts ask) made of the input's first words and its hash: deterministic and much shorter than the input.</summary>
    public static string Answer(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var words = input.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '!', '?', '"', '“', '”'))
            .Where(w => w.Length > 0)
            .Take(24)
            .ToList();
        if (words.Count == 0)
        {
            return "Nothing to summarise.";
        }

        // The input's hash keeps answers to different inputs different even when they start alike.
        var half = Math.Max(1, words.Count / 2);
        return $"Point {ArticleId.Compute(input)[..8]} {string.Join(' ', words.Take(half))}.\nAlso {string.Join(' ', words.Skip(half).DefaultIfEmpty("that"))}.";
    }
}
