using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Summarizer.Backends;

/// <summary>
/// How many tokens of article text (or partial summaries) one backend call may carry: the
/// model's context window minus what the prompt template takes minus the room left for the answer.
/// </summary>
public sealed record ContextBudget(int ContextTokens, int PromptTokens, int MaxOutputTokens)
{
    public int InputTokens => ContextTokens - PromptTokens - MaxOutputTokens;

    /// <summary>
    /// Calls one long article may have in flight at once: what one silo's invoker takes for the
    /// backend (MaxConcurrency running + MaxQueue waiting), so map calls are never refused as
    /// "queue full" even when placement puts them all on one silo.
    /// </summary>
    public int MaxInFlight { get; init; } = int.MaxValue;
}

/// <summary>Configuration section <c>Summarizer:LongArticles</c>: how long articles are chunked and reduced.</summary>
public sealed class LongArticleOptions
{
    public const string SectionName = "Summarizer:LongArticles";

    /// <summary>Tokens reserved for the prompt template (instructions, title) in every map or reduce call.</summary>
    public int PromptTokens { get; set; } = 512;

    /// <summary>Tokens of the previous chunk's last sentences repeated at the start of the next chunk.</summary>
    public int OverlapTokens { get; set; } = 64;

    /// <summary>Sentences asked of each chunk summary (the map step; independent of the length preset so presets share it).</summary>
    public int MapSentences { get; set; } = 5;

    /// <summary>Sentences asked of each intermediate reduce (also shared between presets).</summary>
    public int ReduceSentences { get; set; } = 6;
}

/// <summary>The budget of each configured backend, from its options and <see cref="LongArticleOptions"/>.</summary>
public interface IContextBudgets
{
    /// <summary>The budget for the backend, or null when it is single-pass (<see cref="ISummaryBackend.SinglePass"/>).</summary>
    ContextBudget? For(ISummaryBackend backend);
}

internal sealed class ContextBudgets(IOptions<LongArticleOptions> longArticles) : IContextBudgets
{
    public ContextBudget? For(ISummaryBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend.SinglePass)
        {
            return null;
        }

        var limits = backend.Limits;
        return new ContextBudget(limits.ContextTokens, longArticles.Value.PromptTokens, limits.MaxOutputTokens)
        {
            MaxInFlight = Math.Max(1, limits.MaxConcurrency + limits.MaxQueue),
        };
    }
}

public static class ContextBudgetServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IContextBudgets"/> and binds <c>Summarizer:LongArticles</c>, validated at start.</summary>
    public static IServiceCollection AddContextBudgets(this IServiceCollection services)
    {
        services.AddOptions<LongArticleOptions>().BindConfiguration(LongArticleOptions.SectionName)
            .Validate(o => o.PromptTokens >= 0, $"{LongArticleOptions.SectionName}:PromptTokens must not be negative.")
            .Validate(o => o.OverlapTokens >= 0, $"{LongArticleOptions.SectionName}:OverlapTokens must not be negative.")
            .Validate(o => o.MapSentences >= 1, $"{LongArticleOptions.SectionName}:MapSentences must be at least 1.")
            .Validate(o => o.ReduceSentences >= 1, $"{LongArticleOptions.SectionName}:ReduceSentences must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<IContextBudgets, ContextBudgets>();
        return services;
    }
}
