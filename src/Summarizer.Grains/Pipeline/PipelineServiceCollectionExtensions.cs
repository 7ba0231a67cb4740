using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Summarizer.Backends;
using Summarizer.Embeddings;
using Summarizer.Text;

namespace Summarizer.Grains.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// What the digest pipeline needs, in a silo or in a plain process (the eval CLI): backends from
    /// configuration section <c>Summarizer</c>, context budgets, limits, the tokenizer and chunker,
    /// the summary worker and the key-quote digester. The <see cref="ISummaryWorker"/> is the host's.
    /// </summary>
    public static IServiceCollection AddDigestPipeline(this IServiceCollection services)
    {
        services.AddSummarizerBackends();
        services.AddContextBudgets();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName)
            .Validate(o => o.MaxArticleBytes > 0, $"{LimitsOptions.Key(nameof(LimitsOptions.MaxArticleBytes))} must be positive.")
            .Validate(o => o.MaxChunks > 0, $"{LimitsOptions.Key(nameof(LimitsOptions.MaxChunks))} must be positive.")
            .ValidateOnStart();
        // The o200k tokenizer takes ~0.25 s to build: one per process (a silo builds it at start, PipelineWarmup).
        services.TryAddSingleton(_ => TokenCounter.CreateO200k());
        services.TryAddSingleton<TokenChunker>();
        // Sentence embedders a backend may name (Summarizer:Backends:<name>:Embeddings); the model loads on first use only.
        services.TryAddKeyedSingleton<ISentenceEmbedder>(MiniLmSentenceEmbedder.Key, (_, _) => new MiniLmSentenceEmbedder());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SummaryWorker>();
        services.TryAddSingleton<KeyQuoteDigester>();
        services.TryAddSingleton<BriefPipelineFactory>();
        return services;
    }
}

/// <summary>Builds the pieces an article needs: its planner and the brief pipeline over the host's worker.</summary>
public sealed class BriefPipelineFactory(TokenCounter tokens, TokenChunker chunker, IOptions<LongArticleOptions> longArticles, IOptions<LimitsOptions> limits)
{
    public BriefPlanner Planner(ArticleDocument document) =>
        new(document, tokens, chunker, longArticles.Value.OverlapTokens, limits.Value.MaxChunks);

    public BriefPipeline Pipeline(ISummaryWorker worker) => new(worker, chunker, longArticles.Value);
}
