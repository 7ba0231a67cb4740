using System.Diagnostics;
using Summarizer.Contracts;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// Spans of the brief pipeline (source <c>Summarizer</c>): one per brief computation and one per
/// map or reduce step, named by <see cref="TelemetryTags"/>. The grain call a step makes (and the
/// model call on whichever silo runs it) nests under the step's span.
/// </summary>
internal static class PipelineActivities
{
    private static readonly ActivitySource Source = new(TelemetryTags.SourceName);

    public static Activity? Brief(BriefJob job, string spec) =>
        Source.StartActivity("summarizer.brief")
            ?.SetTag(TelemetryTags.ArticleId, job.ArticleId)
            .SetTag(TelemetryTags.Spec, spec)
            .SetTag(TelemetryTags.Backend, job.Backend.Name)
            .SetTag(TelemetryTags.Chunks, job.Plan.Chunks?.Count ?? 1);

    /// <summary>One step: <paramref name="kind"/> map (with the chunk's index), reduce (with its level) or brief.</summary>
    public static Activity? Step(BriefJob job, WorkKind kind, string spec, int? chunkIndex = null, int? level = null)
    {
        var activity = Source.StartActivity("summarizer." + kind.ToWireName());
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(TelemetryTags.ArticleId, job.ArticleId)
            .SetTag(TelemetryTags.Spec, spec)
            .SetTag(TelemetryTags.Backend, job.Backend.Name)
            .SetTag(TelemetryTags.WorkKind, kind.ToWireName());
        if (chunkIndex is { } index)
        {
            activity.SetTag(TelemetryTags.ChunkIndex, index);
        }

        if (level is { } l)
        {
            activity.SetTag(TelemetryTags.ReduceLevel, l);
        }

        return activity;
    }
}
