using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summarizer.Backends;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// Builds at host start what the first long brief would otherwise build on its way to the first
/// model call: the o200k tokenizer (a quarter of a second to several seconds on a busy machine) with
/// its counting code compiled, the configured backends, and any sentence-embedding model a backend names. It runs beside the host's start, not in it.
/// </summary>
internal sealed partial class PipelineWarmup(IServiceProvider services, ILogger<PipelineWarmup> logger) : IHostedService
{
    private Task _warming = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(Warm, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _warming.WaitAsync(cancellationToken);

    private void Warm()
    {
        try
        {
            var tokens = services.GetRequiredService<TokenCounter>();
            var sample = ArticleDocument.FromNormalized("The council met on Tuesday. It approved the budget.\n\nThe mayor said the vote was close.", null, null);
            tokens.CountEach(sample.Text, sample.Sentences);
            tokens.Fits(sample.Text, 4);
            _ = services.GetRequiredService<IBackendCatalog>().Names;
            // A backend that ranks with an embedding model loads it now, not on its first brief.
            var sentences = sample.Sentences.Select(s => s.Slice(sample.Text)).ToArray();
            foreach (var name in services.GetRequiredService<IOptions<SummarizerOptions>>().Value.Backends.Values
                .Select(b => b.Embeddings).Where(e => !string.IsNullOrEmpty(e)).Distinct(StringComparer.Ordinal))
            {
                services.GetKeyedService<ISentenceEmbedder>(name)?.Embed(sentences);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The first request builds them instead and reports what fails.
            LogWarmupFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the digest pipeline up failed; the first request builds it")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
