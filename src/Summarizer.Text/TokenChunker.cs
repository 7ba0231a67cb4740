namespace Summarizer.Text;

/// <summary>One chunk of a long article: a contiguous span of the normalised text and its token count.</summary>
public sealed record TextChunk(int Index, TextSpan Span, string Text, int Tokens);

/// <summary>
/// Splits an article into chunks that each fit a token budget. Chunks end on paragraph
/// boundaries when a paragraph fits, else on sentence boundaries, and only a sentence longer
/// than the whole budget is cut inside (at a token boundary). Each chunk after the first starts
/// with the last sentences of the previous one, up to <c>overlapTokens</c>, so a statement that
/// straddles a boundary is seen whole by one of the two map calls.
/// </summary>
public sealed class TokenChunker(TokenCounter counter)
{
    private readonly TokenCounter _counter = counter ?? throw new ArgumentNullException(nameof(counter));

    public IReadOnlyList<TextChunk> Chunk(ArticleDocument document, int budgetTokens, int overlapTokens)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetTokens, 16);
        overlapTokens = Math.Clamp(overlapTokens, 0, budgetTokens / 4);
        var text = document.Text;
        var units = Units(document, budgetTokens);
        var chunks = new List<TextChunk>();
        var start = 0;
        while (start < units.Count)
        {
            // Greedy: take units while the estimate (unit tokens + one per gap) fits; prefer to stop at a paragraph end.
            var end = start;
            var lastParagraphEnd = -1;
            var estimate = 0;
            while (end < units.Count && estimate + units[end].Tokens + (end > start ? Separator : 0) <= budgetTokens)
            {
                estimate += units[end].Tokens + (end > start ? Separator : 0);
                if (units[end].EndsParagraph)
                {
                    lastParagraphEnd = end;
                }

                end++;
            }

            if (end == start)
            {
                end = start + 1; // every unit fits alone (Units cuts longer ones)
            }

            // Break at the last paragraph end when that keeps at least half the chunk.
            if (end < units.Count && lastParagraphEnd >= start && lastParagraphEnd + 1 < end
                && lastParagraphEnd + 1 - start >= (end - start + 1) / 2)
            {
                end = lastParagraphEnd + 1;
            }

            // The estimate is almost always an upper bound; the exact count decides.
            var span = new TextSpan(units[start].Span.Start, units[end - 1].Span.End);
            var tokens = _counter.Count(span.Slice(text));
            while (tokens > budgetTokens && end - start > 1)
            {
                end--;
                span = new TextSpan(units[start].Span.Start, units[end - 1].Span.End);
                tokens = _counter.Count(span.Slice(text));
            }

            chunks.Add(new TextChunk(chunks.Count, span, span.Slice(text), tokens));
            if (end >= units.Count)
            {
                break;
            }

            // Next chunk starts with the trailing units of this one that fit the overlap, never at this chunk's start.
            var next = end;
            var overlap = 0;
            while (next - 1 > start && overlap + units[next - 1].Tokens <= overlapTokens)
            {
                next--;
                overlap += units[next].Tokens;
            }

            start = next;
        }

        return chunks;
    }

    /// <summary>
    /// Groups consecutive texts so that each group, joined with blank lines, holds at most
    /// <paramref name="budgetTokens"/> tokens. A text longer than half the budget is cut to half, so
    /// any two texts fit together and every group of a reduce level (but a last odd one) merges at
    /// least two: the reduce always converges, however long the article.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Pack(IReadOnlyList<string> texts, int budgetTokens)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var groups = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var used = 0;
        foreach (var raw in texts)
        {
            var t = raw;
            var n = _counter.Count(t);
            var cap = (budgetTokens / 2) - Separator;
            if (n > cap)
            {
                t = _counter.Truncate(t, cap);
                n = _counter.Count(t);
            }

            var cost = n + (current.Count == 0 ? 0 : Separator);
            if (current.Count > 0 && used + cost > budgetTokens)
            {
                groups.Add(current);
                current = [];
                used = 0;
                cost = n;
            }

            current.Add(t);
            used += cost;
        }

        if (current.Count > 0)
        {
            groups.Add(current);
        }

        return groups;
    }

    /// <summary>Joins partial summaries the way <see cref="Pack"/> counted them.</summary>
    public static string Join(IEnumerable<string> parts) => string.Join("\n\n", parts);

    // Tokens "\n\n" may cost between two texts.
    private const int Separator = 1;

    private List<Unit> Units(ArticleDocument document, int budget)
    {
        var text = document.Text;
        var units = new List<Unit>();
        var p = 0;
        foreach (var s in document.Sentences)
        {
            while (p < document.Paragraphs.Count && document.Paragraphs[p].End < s.End)
            {
                p++;
            }

            var endsParagraph = p < document.Paragraphs.Count && document.Paragraphs[p].End == s.End;
            var tokens = _counter.Count(s.Slice(text));
            if (tokens <= budget)
            {
                units.Add(new Unit(s, tokens, endsParagraph));
                continue;
            }

            // A "sentence" longer than the budget (a table, a run-on transcript): cut it at token boundaries.
            var start = s.Start;
            while (start < s.End)
            {
                var piece = _counter.Truncate(text[start..s.End], budget);
                var end = start + Math.Max(1, piece.Length);
                units.Add(new Unit(new TextSpan(start, end), _counter.Count(text[start..end]), endsParagraph && end == s.End));
                start = end;
                while (start < s.End && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }
            }
        }

        return units;
    }

    private readonly record struct Unit(TextSpan Span, int Tokens, bool EndsParagraph);
}
