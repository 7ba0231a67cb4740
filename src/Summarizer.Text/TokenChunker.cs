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

    public IReadOnlyList<TextChunk> Chunk(ArticleDocument document, int budgetTokens, int overlapTokens) =>
        Chunk(document, budgetTokens, overlapTokens, sentenceTokens: null);

    /// <summary>
    /// The chunks, with the token count of each sentence of <paramref name="document"/> given
    /// (<see cref="TokenCounter.CountEach"/> over its sentences, counted once per article and kept) or
    /// counted here when null.
    /// </summary>
    /// <remarks>
    /// The chunks are exactly those of a greedy pass that checks each chunk's exact count before it
    /// picks the next start. They are found faster: boundaries are planned from the per-sentence
    /// estimate to the end of the article, the planned chunks are counted exactly in parallel, and
    /// only where one is over the budget (rare: the estimate is almost always an upper bound) is that
    /// chunk shrunk and the rest planned again from it.
    /// </remarks>
    public IReadOnlyList<TextChunk> Chunk(ArticleDocument document, int budgetTokens, int overlapTokens, IReadOnlyList<int>? sentenceTokens)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetTokens, 16);
        if (sentenceTokens is not null && sentenceTokens.Count != document.Sentences.Count)
        {
            throw new ArgumentException("One token count per sentence is needed.", nameof(sentenceTokens));
        }

        overlapTokens = Math.Clamp(overlapTokens, 0, budgetTokens / 4);
        var text = document.Text;
        var units = Units(document, budgetTokens, sentenceTokens ?? _counter.CountEach(text, document.Sentences));
        var chunks = new List<TextChunk>();
        var start = 0;
        while (start < units.Count)
        {
            var planned = new List<TextSpan>();
            var ranges = new List<(int Start, int End)>();
            for (var s = start; ;)
            {
                var e = EstimatedEnd(units, s, budgetTokens);
                ranges.Add((s, e));
                planned.Add(new TextSpan(units[s].Span.Start, units[e - 1].Span.End));
                if (e >= units.Count)
                {
                    break;
                }

                s = NextStart(units, s, e, overlapTokens);
            }

            var exact = _counter.CountEach(text, planned);
            var over = Enumerable.Range(0, planned.Count).FirstOrDefault(k => exact[k] > budgetTokens && ranges[k].End - ranges[k].Start > 1, -1);
            var kept = over < 0 ? planned.Count : over;
            for (var k = 0; k < kept; k++)
            {
                chunks.Add(new TextChunk(chunks.Count, planned[k], planned[k].Slice(text), exact[k]));
            }

            if (over < 0)
            {
                break;
            }

            // The estimate was short of the exact count here: drop units from the end until it fits.
            var (first, end) = ranges[over];
            var span = planned[over];
            var tokens = exact[over];
            while (tokens > budgetTokens && end - first > 1)
            {
                end--;
                span = new TextSpan(units[first].Span.Start, units[end - 1].Span.End);
                tokens = _counter.Count(span.Slice(text));
            }

            chunks.Add(new TextChunk(chunks.Count, span, span.Slice(text), tokens));
            if (end >= units.Count)
            {
                break;
            }

            start = NextStart(units, first, end, overlapTokens);
        }

        return chunks;
    }

    /// <summary>
    /// Greedy: the units from <paramref name="start"/> while the estimate (unit tokens + one per gap)
    /// fits, stopping at the last paragraph end when that keeps at least half the chunk.
    /// </summary>
    private static int EstimatedEnd(List<Unit> units, int start, int budgetTokens)
    {
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

        if (end < units.Count && lastParagraphEnd >= start && lastParagraphEnd + 1 < end
            && lastParagraphEnd + 1 - start >= (end - start + 1) / 2)
        {
            end = lastParagraphEnd + 1;
        }

        return end;
    }

    /// <summary>The next chunk starts with the trailing units of this one that fit the overlap, never at this chunk's start.</summary>
    private static int NextStart(List<Unit> units, int start, int end, int overlapTokens)
    {
        var next = end;
        var overlap = 0;
        while (next - 1 > start && overlap + units[next - 1].Tokens <= overlapTokens)
        {
            next--;
            overlap += units[next].Tokens;
        }

        return next;
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

    private List<Unit> Units(ArticleDocument document, int budget, IReadOnlyList<int> sentenceTokens)
    {
        var text = document.Text;
        var units = new List<Unit>();
        var p = 0;
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var s = document.Sentences[i];
            while (p < document.Paragraphs.Count && document.Paragraphs[p].End < s.End)
            {
                p++;
            }

            var endsParagraph = p < document.Paragraphs.Count && document.Paragraphs[p].End == s.End;
            var tokens = sentenceTokens[i];
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
