using Microsoft.ML.Tokenizers;

namespace Summarizer.Text;

/// <summary>
/// Counts model tokens with the o200k_base encoding (GPT-4o family), whose data ships in the
/// Microsoft.ML.Tokenizers.Data.O200kBase package, so counting needs no network. Other model
/// families tokenise differently; the chunk budget leaves slack for that.
/// Creating one takes about a quarter of a second: make it a singleton.
/// </summary>
public sealed class TokenCounter
{
    private readonly Tokenizer _tokenizer;

    public TokenCounter(Tokenizer tokenizer) => _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));

    /// <summary>The o200k_base counter (what <c>gpt-4o</c> uses).</summary>
    public static TokenCounter CreateO200k() => new(TiktokenTokenizer.CreateForModel("gpt-4o"));

    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : _tokenizer.CountTokens(text);
    }

    /// <summary>
    /// True when <paramref name="text"/> holds at most <paramref name="maxTokens"/> tokens, the same
    /// answer as <c>Count(text) &lt;= maxTokens</c>; it stops after <paramref name="maxTokens"/> tokens,
    /// so a long text costs what its first <paramref name="maxTokens"/> tokens cost, not the whole.
    /// </summary>
    public bool Fits(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return true;
        }

        return maxTokens > 0 && _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _) == text.Length;
    }

    /// <summary>
    /// The token count of each span of <paramref name="text"/> (e.g. every sentence of an article),
    /// counted in parallel batches: counting is the costly part of planning a long article.
    /// </summary>
    public int[] CountEach(string text, IReadOnlyList<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var counts = new int[spans.Count];
        const int Batch = 128;
        var batches = (spans.Count + Batch - 1) / Batch;
        Parallel.For(0, batches, b =>
        {
            for (var i = b * Batch; i < Math.Min(spans.Count, (b + 1) * Batch); i++)
            {
                counts[i] = Count(spans[i].Slice(text));
            }
        });
        return counts;
    }

    /// <summary>The longest prefix of <paramref name="text"/> holding at most <paramref name="maxTokens"/> tokens.</summary>
    public string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxTokens <= 0)
        {
            return "";
        }

        var index = _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..index];
    }
}
