using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summarizer.Grains.Pipeline;

namespace Summarizer.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what the grains need (backends from configuration section <c>Summarizer</c>,
    /// context budgets, the tokenizer, limits, metrics). The host chooses clustering and the
    /// <see cref="StorageNames.Articles"/> storage.
    /// </summary>
    public static ISiloBuilder AddSummarizerGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddDigestPipeline();
        silo.Services.TryAddSingleton<ISummaryWorker, GrainSummaryWorker>();
        return silo;
    }
}
