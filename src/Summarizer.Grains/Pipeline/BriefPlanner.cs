using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>How one brief will be computed: in one call (<see cref="Chunks"/> null), or map-reduce over chunks.</summary>
public sealed record BriefPlan(ContextBudget? Budget, IReadOnlyList<TextChunk>? Chunks)
{
    public bool OnePass => Chunks is null;
}

/// <summary>
/// Plans the briefs of one article: one pass when the backend takes any length (extractive) or the
/// text fits its input budget, else chunks of the budget; more chunks than <c>MaxChunks</c> is an
/// <see cref="ArticleLimitExceededException"/>. The token counts a plan needs are computed once per
/// article and kept with it (an article grain holds one planner for its life): each sentence's count,
/// shared by every budget, and the chunks of each budget. Whether the text fits is answered without
/// counting it whole (<see cref="TokenCounter.Fits"/> stops at the budget).
/// </summary>
public sealed class BriefPlanner(ArticleDocument document, TokenCounter tokens, TokenChunker chunker, int overlapTokens, int maxChunks)
{
    private readonly Dictionary<int, IReadOnlyList<TextChunk>?> _chunks = [];
    private readonly object _gate = new();
    private int[]? _sentenceTokens;

    public ArticleDocument Document { get; } = document;

    public BriefPlan Plan(ContextBudget? budget)
    {
        if (budget is null)
        {
            return new BriefPlan(null, null);
        }

        var input = budget.InputTokens;
        IReadOnlyList<TextChunk>? chunks;
        lock (_gate)
        {
            if (!_chunks.TryGetValue(input, out chunks))
            {
                chunks = tokens.Fits(Document.Text, input) ? null : chunker.Chunk(Document, input, overlapTokens, SentenceTokens());
                _chunks[input] = chunks;
            }
        }

        if (chunks is not null && chunks.Count > maxChunks)
        {
            throw new ArticleLimitExceededException(LimitsOptions.Key(nameof(LimitsOptions.MaxChunks)), maxChunks, chunks.Count);
        }

        return new BriefPlan(budget, chunks);
    }

    /// <summary>Each sentence's token count, counted on first need (under the gate).</summary>
    private int[] SentenceTokens() => _sentenceTokens ??= tokens.CountEach(Document.Text, Document.Sentences);
}
