using Summarizer.Contracts;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// The port the brief pipeline sends its calls through: one summary of one text, keyed by
/// <see cref="BriefSpec.SummarizerKey"/> (text hash + spec). In the cluster a summarizer grain per
/// key (<see cref="GrainSummaryWorker"/>); in process, <see cref="InProcessSummaryWorker"/>.
/// </summary>
public interface ISummaryWorker
{
    Task<Brief> SummarizeAsync(string key, SummarizeWork work, CancellationToken cancellationToken);

    /// <summary>The answer's tokens as they come, then one piece carrying the brief (a kept result: the brief alone).</summary>
    IAsyncEnumerable<SummaryPiece> StreamAsync(string key, SummarizeWork work, CancellationToken cancellationToken);
}
