using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Backends;
using Summarizer.Text;

namespace Summarizer.Eval;

/// <summary>What the digest pipeline returns for one article.</summary>
public sealed record DigestResult(ArticleDocument Document, IReadOnlyList<string> Brief, IReadOnlyList<Quote> Quotes, IReadOnlyList<Quote> KeyQuotes, string Backend);

/// <summary>
/// The digest code path the service runs, in process: the article is parsed with
/// <see cref="ArticleDocument.Parse"/>; the brief comes from the configured backend through
/// <see cref="IBackendInvoker"/> (the seam every SummarizerGrain calls, same validation and
/// metrics), asked exactly as the grain asks it (normalised text, title, sentence count); quotes
/// come from <see cref="QuoteExtractor"/>, and the key quotes from the same backend through
/// <see cref="IBackendInvoker.SelectQuotesAsync"/> (verified verbatim), as ArticleGrain does.
/// </summary>
public sealed class DigestPipeline(IBackendInvoker invoker, IBackendCatalog catalog)
{
    public IBackendCatalog Catalog { get; } = catalog;

    /// <summary>
    /// Backends from configuration: an optional JSON file with a <c>Summarizer</c> section (for
    /// example src/Summarizer.Silo/appsettings.json), then <c>Summarizer__*</c> environment
    /// variables, exactly the keys the silo reads. With none, the offline extractive backend.
    /// </summary>
    public static DigestPipeline Create(string? configFile = null)
    {
        var configuration = new ConfigurationBuilder();
        if (configFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        configuration.AddEnvironmentVariables();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration.Build());
        services.AddSummarizerBackends();
        var provider = services.BuildServiceProvider();
        return new DigestPipeline(provider.GetRequiredService<IBackendInvoker>(), provider.GetRequiredService<IBackendCatalog>());
    }

    /// <summary>Sentences per length preset, as the service defines them (short = 3, the Lead-3 budget).</summary>
    public static int SentencesFor(string length) => Summarizer.Contracts.BriefLengths.TryParse(length, out var preset)
        ? Summarizer.Contracts.BriefLengths.Sentences(preset)
        : throw new ArgumentOutOfRangeException(nameof(length), length, "expected short, medium or long");

    public async Task<DigestResult> RunAsync(string raw, string? title, int sentences, int maxQuotes = KeyQuoteSelector.DefaultMax, string? backend = null, CancellationToken cancellationToken = default)
    {
        var document = ArticleDocument.Parse(raw, title);
        var outcome = await invoker.SummarizeAsync(backend, new SummaryRequest(document.Text, document.Title, sentences), cancellationToken);
        var quotes = QuoteExtractor.Extract(document);
        var key = await invoker.SelectQuotesAsync(backend, new QuoteSelectionRequest(document.Text, document.Title, quotes, maxQuotes), cancellationToken);
        return new DigestResult(document, outcome.Answer.Sentences, quotes, key.Quotes, outcome.AnsweredBy.Name);
    }

    /// <summary>Synchronous form for the benchmarks and loops (the extractive backend completes synchronously).</summary>
    public DigestResult Run(string raw, string? title, int sentences, int maxQuotes = KeyQuoteSelector.DefaultMax, string? backend = null) =>
        RunAsync(raw, title, sentences, maxQuotes, backend).GetAwaiter().GetResult();

    /// <summary>The Lead-N baseline: the first N sentences of the same parsed document.</summary>
    public static IReadOnlyList<string> Lead(ArticleDocument document, int sentences)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Sentences.Take(sentences).Select(s => s.Slice(document.Text))];
    }
}
