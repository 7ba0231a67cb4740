using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summarizer.Backends;
using Summarizer.Text;

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
        silo.Services.AddSummarizerBackends();
        silo.Services.AddContextBudgets();
        silo.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName)
            .Validate(o => o.MaxArticleBytes > 0, $"{LimitsOptions.Key(nameof(LimitsOptions.MaxArticleBytes))} must be positive.")
            .Validate(o => o.MaxChunks > 0, $"{LimitsOptions.Key(nameof(LimitsOptions.MaxChunks))} must be positive.")
            .ValidateOnStart();

        // The o200k tokenizer takes ~0.25 s to build: one per silo, built on first use.
        silo.Services.TryAddSingleton(_ => TokenCounter.CreateO200k());
        silo.Services.TryAddSingleton<TokenChunker>();
        return silo;
    }
}
