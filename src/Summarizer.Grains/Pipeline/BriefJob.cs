using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// One brief to compute: the article (its id is the hash of its text), the preset, the backend, and
/// the plan. <see cref="Sentences"/> overrides the preset's count for the one call or final reduce
/// (the eval CLI's <c>--sentences</c>); 0 keeps the preset's.
/// </summary>
public sealed record BriefJob(string ArticleId, ArticleDocument Document, BriefLength Length, ISummaryBackend Backend, BriefPlan Plan)
{
    public int Sentences { get; init; }
}
