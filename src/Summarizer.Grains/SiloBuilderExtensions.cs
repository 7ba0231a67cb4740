using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Summarizer.Extraction;
using Summarizer.Fetching;
using Summarizer.Grains.Pipeline;

namespace Summarizer.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what the grains need (backends from configuration section <c>Summarizer</c>,
    /// context budgets, the tokenizer, limits, metrics), and the page fetcher and article extractor
    /// of the URL grains (<c>Summarizer:Fetch</c>). The host chooses clustering and the
    /// <see cref="StorageNames.Articles"/> storage.
    /// </summary>
    public static ISiloBuilder AddSummarizerGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddDigestPipeline();
        silo.Services.TryAddSingleton<ISummaryWorker, GrainSummaryWorker>();
        silo.Services.AddHostedService<PipelineWarmup>();
        silo.Services.AddPageFetcher();
        silo.Services.TryAddSingleton(_ => new ArticleExtractor());
        silo.Services.TryAddSingleton(Summarizer.Contracts.LimitsClock.System);
        silo.Services.Replace(ServiceDescriptor.Singleton<Summarizer.Backends.IBackendBudget, Limits.ClusterBackendBudget>()); // cluster budgets and usage, over the pipeline's none
        return silo;
    }
}
