using System.Text.Json;
using System.Text.RegularExpressions;

namespace Summarizer.Backends;

/// <summary>
/// Turns raw model text into a brief or a quote choice, refusing what cannot be one: empty, no
/// words, far more sentences than asked, runaway length, or (for quotes) not the JSON asked for.
/// A refusal is a <see cref="ModelOutputException"/>, which the invoker treats as a bad answer.
/// </summary>
public static partial class ModelOutput
{
    /// <summary>Longest sentence accepted, in characters.</summary>
    public const int MaxSentenceChars = 600;

    public static IReadOnlyList<string> ParseBrief(string? raw, int targetSentences, int maxOutputTokens)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new ModelOutputException("The model returned an empty answer.");
        }

        // A token is about 4 characters; a model that ran past its own output budget by far is babbling.
        var maxChars = Math.Max(2000, maxOutputTokens * 8);
        if (raw.Length > maxChars)
        {
            throw new ModelOutputException($"The model's answer is {raw.Length} characters, over the {maxChars} allowed.");
        }

        var sentences = new List<string>();
        foreach (var line in raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var s = ListMarker().Replace(line.Trim(), "").Trim();
            if (s.Length == 0 || s.StartsWith("```", StringComparison.Ordinal) || IsPreamble(s))
            {
                continue;
            }

            if (!s.Any(char.IsLetter))
            {
                continue;
            }

            sentences.Add(s);
        }

        if (sentences.Count == 0)
        {
            throw new ModelOutputException("The model's answer holds no sentences.");
        }

        var limit = Math.Max(targetSentences * 2, targetSentences + 3);
        if (sentences.Count > limit)
        {
            throw new ModelOutputException($"The model's answer has {sentences.Count} lines; at most {limit} are accepted for {targetSentences} sentences.");
        }

        if (sentences.Any(s => s.Length > MaxSentenceChars))
        {
            throw new ModelOutputException($"The model's answer has a line over {MaxSentenceChars} characters.");
        }

        return sentences;
    }

    public static IReadOnlyList<ChosenQuote> ParseQuoteChoice(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new ModelOutputException("The model returned an empty quote choice.");
        }

        var start = raw.IndexOf('[', StringComparison.Ordinal);
        var end = raw.LastIndexOf(']');
        if (start < 0 || end <= start)
        {
            throw new ModelOutputException("The model's quote choice is not a JSON array.");
        }

        try
        {
            using var json = JsonDocument.Parse(raw[start..(end + 1)]);
            var chosen = new List<ChosenQuote>();
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var bare))
                {
                    chosen.Add(new ChosenQuote(bare, ""));
                    continue;
                }

                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("index", out var index) || !index.TryGetInt32(out var i))
                {
                    throw new ModelOutputException("An item of the model's quote choice has no integer 'index'.");
                }

                var text = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
                chosen.Add(new ChosenQuote(i, text));
            }

            return chosen;
        }
        catch (JsonException e)
        {
            throw new ModelOutputException($"The model's quote choice is not valid JSON: {e.Message}");
        }
    }

    private static bool IsPreamble(string line) =>
        line.EndsWith(':') && line.Length < 80;

    [GeneratedRegex(@"^(?:[-*•]+|\d{1,2}[.)])\s+")]
    private static partial Regex ListMarker();
}

/// <summary>Model output that cannot be used as an answer.</summary>
public sealed class ModelOutputException : Exception
{
    public ModelOutputException() { }

    public ModelOutputException(string message) : base(message) { }

    public ModelOutputException(string message, Exception inner) : base(message, inner) { }
}
