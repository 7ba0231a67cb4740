using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;
using Summarizer.Text;

namespace Summarizer.Eval;

/// <summary>What one digest gives for one article.</summary>
public sealed record DigestResult(ArticleDocument Document, IReadOnlyList<string> Brief, IReadOnlyList<Quote> Quotes, IReadOnlyList<KeyQuote> KeyQuotes, string Backend);

/// <summary>
/// The cluster's digest pipeline run in this process: the same <see cref="BriefPlanner"/> and
/// <see cref="BriefPipeline"/> (one pass, or map-reduce for an article over the backend's context)
/// and <see cref="KeyQuoteDigester"/> as <c>ArticleGrain</c>, with an <see cref="InProcessSummaryWorker"/>
/// where the cluster has summarizer grains. Only the grains' placement and persistence are missing.
/// </summary>
public sealed class InProcessDigest
{
    private readonly BriefPipelineFactory _factory;
    private readonly BriefPipeline _pipeline;
    private readonly IContextBudgets _budgets;
    private readonly KeyQuoteDigester _digester;

    public InProcessDigest(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Catalog = services.GetRequiredService<IBackendCatalog>();
        _factory = services.GetRequiredService<BriefPipelineFactory>();
        _budgets = services.GetRequiredService<IContextBudgets>();
        _digester = services.GetRequiredService<KeyQuoteDigester>();
        _pipeline = _factory.Pipeline(new InProcessSummaryWorker(services.GetRequiredService<SummaryWorker>()));
    }

    public IBackendCatalog Catalog { get; }

    /// <summary>
    /// Backends from configuration: an optional JSON file with a <c>Summarizer</c> section (for
    /// example src/Summarizer.Silo/appsettings.json), then <c>Summarizer__*</c> environment
    /// variables, exactly the keys the silo reads. With none, the offline extractive backend.
    /// </summary>
    public static InProcessDigest Create(string? configFile = null)
    {
        var configuration = new ConfigurationBuilder();
        if (configFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        configuration.AddEnvironmentVariables();
        return Create(configuration.Build());
    }

    public static InProcessDigest Create(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddDigestPipeline();
        return new InProcessDigest(services.BuildServiceProvider());
    }

    /// <summary>A length preset by its API name (short = 3 sentences, the Lead-3 budget).</summary>
    public static BriefLength Preset(string length) => BriefLengths.TryParse(length, out var preset)
        ? preset
        : throw new ArgumentOutOfRangeException(nameof(length), length, "expected short, medium or long");

    /// <summary>
    /// The digest of one article: the brief of <paramref name="length"/> (its prompt and, unless
    /// <paramref name="sentences"/> is above 0, its sentence count), and the key quotes.
    /// </summary>
    public async Task<DigestResult> RunAsync(string raw, string? title, BriefLength length, int sentences = 0, int maxQuotes = KeyQuoteSelector.DefaultMax, string? backend = null, CancellationToken cancellationToken = default)
    {
        var document = ArticleDocument.Parse(raw, title);
        var chosen = Catalog.Get(backend);
        var plan = _factory.Planner(document).Plan(_budgets.For(chosen));
        var job = new BriefJob(ArticleId.Compute(document.Text), document, length, chosen, plan) { Sentences = sentences };
        var brief = await _pipeline.RunAsync(job, _ => { }, cancellationToken);
        var quotes = KeyQuoteDigester.Extract(document);
        var key = await _digester.DigestAsync(document, quotes, maxQuotes, chosen.Name, cancellationToken);
        return new DigestResult(document, brief.Sentences, quotes, key.Quotes, brief.Backend.Name);
    }

    /// <summary>Synchronous form for the benchmarks and loops (the extractive backend completes synchronously).</summary>
    public DigestResult Run(string raw, string? title, BriefLength length, int sentences = 0, int maxQuotes = KeyQuoteSelector.DefaultMax, string? backend = null) =>
        RunAsync(raw, title, length, sentences, maxQuotes, backend).GetAwaiter().GetResult();

    /// <summary>The Lead-N baseline: the first N sentences of the same parsed document.</summary>
    public static IReadOnlyList<string> Lead(ArticleDocument document, int sentences)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Sentences.Take(sentences).Select(s => s.Slice(document.Text))];
    }
}
