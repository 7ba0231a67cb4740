using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// Computes one brief through an <see cref="ISummaryWorker"/>: one call for an article that fits
/// (streamed, unless the backend is single-pass), else map-reduce (<see cref="MapReduce"/>).
/// Progress and tokens are published as <see cref="BriefEvent"/>s; the Result event is the caller's.
/// The brief comes back with its faithfulness receipt (<see cref="FaithfulnessStep"/>).
/// </summary>
public sealed class BriefPipeline(ISummaryWorker worker, TokenChunker chunker, LongArticleOptions options)
{
    public async Task<Brief> RunAsync(BriefJob job, Action<BriefEvent> publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(publish);
        var brief = await SummarizeAsync(job, publish, cancellationToken);
        return FaithfulnessStep.Attach(job.Document, brief);
    }

    private async Task<Brief> SummarizeAsync(BriefJob job, Action<BriefEvent> publish, CancellationToken cancellationToken)
    {
        var spec = BriefSpec.For(job.Length, job.Backend);
        using var activity = PipelineActivities.Brief(job, spec);
        if (job.Plan.Chunks is { } chunks)
        {
            // The first event says what is ahead (a stream's client learns the chunk count at once).
            publish(BriefEvent.Progress("map", 0, chunks.Count));
            return await new MapReduce(worker, chunker, options, job, publish, cancellationToken).RunAsync(chunks);
        }

        publish(BriefEvent.Progress("brief", 0, 1));
        var work = Work(job, job.Document.Text, SummaryTarget.Brief(job.Length, job.Sentences));
        var key = BriefSpec.SummarizerKey(job.ArticleId, spec);
        Brief brief;
        using var step = PipelineActivities.Step(job, WorkKind.Brief, spec);
        if (job.Backend.SinglePass)
        {
            // A single-pass backend (extractive) answers at once: nothing to stream but its sentences.
            brief = await worker.SummarizeAsync(key, work, cancellationToken);
            PublishSentences(brief, publish);
        }
        else
        {
            brief = await StreamAsync(worker, key, work, publish, cancellationToken);
        }

        publish(BriefEvent.Progress("brief", 1, 1));
        return brief;
    }

    internal static SummarizeWork Work(BriefJob job, string text, SummaryTarget target) =>
        new(text, job.Document.Title, target, job.Backend.Name);

    /// <summary>The last step of a brief, streamed: its tokens become token events as the backend produces them.</summary>
    internal static async Task<Brief> StreamAsync(ISummaryWorker worker, string key, SummarizeWork work, Action<BriefEvent> publish, CancellationToken cancellationToken)
    {
        var streamed = false;
        Brief? brief = null;
        await foreach (var piece in worker.StreamAsync(key, work, cancellationToken).WithCancellation(cancellationToken))
        {
            if (piece.Token is { } token)
            {
                publish(BriefEvent.Token(token));
                streamed = true;
            }
            else
            {
                brief = piece.Brief;
            }
        }

        if (brief is null)
        {
            throw new BackendFailureException(work.Backend, BackendFailureKind.BadAnswer, $"Backend '{work.Backend}' gave no brief.");
        }

        if (!streamed)
        {
            // A kept (or fallback) answer arrives whole: stream it sentence by sentence.
            PublishSentences(brief, publish);
        }

        return brief;
    }

    /// <summary>The brief's text as it is streamed: sentence by sentence, each after the first with its leading space.</summary>
    public static IEnumerable<BriefEvent> Tokens(Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return brief.Sentences.Select((s, i) => BriefEvent.Token(i == 0 ? s : " " + s));
    }

    private static void PublishSentences(Brief brief, Action<BriefEvent> publish)
    {
        foreach (var token in Tokens(brief))
        {
            publish(token);
        }
    }
}
