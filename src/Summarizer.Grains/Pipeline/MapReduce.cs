using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// Map: every chunk summarised on its own (all at once, up to the budget's calls in flight).
/// Reduce: the partial summaries packed into consecutive groups (index ranges) that fit the budget,
/// each group summarised, level by level, until one group remains; its reduce, streamed, is the brief.
/// A group of one (the odd last) goes up a level as it is. Progress is published after every step.
/// </summary>
internal sealed class MapReduce(
    ISummaryWorker worker, TokenChunker chunker, LongArticleOptions options, BriefJob job, Action<BriefEvent> publish, CancellationToken cancellationToken)
{
    private readonly object _gate = new();

    public async Task<Brief> RunAsync(IReadOnlyList<TextChunk> chunks)
    {
        var budget = job.Plan.Budget!;
        using var slots = new SemaphoreSlim(Math.Min(budget.MaxInFlight, 1024));
        var mapSpec = BriefSpec.Map(options.MapSentences, job.Backend);
        var done = 0;
        var mapped = await Task.WhenAll(chunks.Select(async chunk =>
        {
            var b = await ThrottledAsync(slots, chunk.Text, mapSpec, SummaryTarget.Map(options.MapSentences), chunk.Index, level: null);
            Progress("map", ref done, chunks.Count, 0);
            return b;
        }));

        var parts = mapped.ToList();
        var reduceSpec = BriefSpec.Reduce(options.ReduceSentences, job.Backend);
        for (var level = 1; ; level++)
        {
            var groups = Groups(parts, budget.InputTokens);
            publish(BriefEvent.Progress("reduce", 0, groups.Count, level));
            if (groups.Count == 1)
            {
                var text = TokenChunker.Join(groups[0].Texts);
                var work = BriefPipeline.Work(job, text, SummaryTarget.FinalReduce(job.Length, job.Sentences));
                var finalSpec = BriefSpec.FinalReduce(job.Length, job.Backend);
                var key = BriefSpec.SummarizerKey(ArticleId.Compute(text), finalSpec);
                Brief final;
                using (PipelineActivities.Step(job, WorkKind.Reduce, finalSpec, level: level))
                {
                    final = await BriefPipeline.StreamAsync(worker, key, work, publish, cancellationToken);
                }

                publish(BriefEvent.Progress("reduce", 1, 1, level));
                return Combine(final, parts);
            }

            var reduced = 0;
            var level1 = level;
            var next = await Task.WhenAll(groups.Select(async group =>
            {
                var b = group.Texts.Count == 1 && string.Equals(group.Texts[0], parts[group.Range.Start].Text, StringComparison.Ordinal)
                    ? parts[group.Range.Start]
                    : await ThrottledAsync(slots, TokenChunker.Join(group.Texts), reduceSpec, SummaryTarget.Reduce(options.ReduceSentences), chunkIndex: null, level1);
                Progress("reduce", ref reduced, groups.Count, level1);
                return b;
            }));
            parts = [.. next];
        }
    }

    /// <summary>A packed group: the range of parts it holds, and the texts packed (a part over the budget may be cut).</summary>
    internal sealed record Group(Range Range, IReadOnlyList<string> Texts);

    private List<Group> Groups(IReadOnlyList<Brief> parts, int inputTokens)
    {
        var packed = chunker.Pack([.. parts.Select(p => p.Text)], inputTokens);
        var groups = new List<Group>(packed.Count);
        var start = 0;
        foreach (var texts in packed)
        {
            groups.Add(new Group(start..(start + texts.Count), texts));
            start += texts.Count;
        }

        return groups;
    }

    private void Progress(string stage, ref int done, int total, int level)
    {
        lock (_gate)
        {
            publish(BriefEvent.Progress(stage, ++done, total, level));
        }
    }

    private async Task<Brief> ThrottledAsync(SemaphoreSlim slots, string text, string spec, SummaryTarget target, int? chunkIndex, int? level)
    {
        using var activity = PipelineActivities.Step(job, target.Kind, spec, chunkIndex, level);
        await slots.WaitAsync(cancellationToken);
        try
        {
            var work = BriefPipeline.Work(job, text, target);
            return await worker.SummarizeAsync(BriefSpec.SummarizerKey(ArticleId.Compute(text), spec), work, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The final brief, cached only when no step computed anything, degraded when any step was.</summary>
    internal static Brief Combine(Brief final, IReadOnlyList<Brief> parts)
    {
        var degraded = parts.FirstOrDefault(p => p.Degraded);
        return final with
        {
            Cached = final.Cached && parts.All(p => p.Cached),
            Degraded = final.Degraded || degraded is not null,
            DegradedReason = final.DegradedReason ?? degraded?.DegradedReason,
        };
    }
}
