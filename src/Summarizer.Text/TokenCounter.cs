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
