using Summarizer.Contracts;
using BenchmarkDotNet.Attributes;

namespace Summarizer.Eval.Bench;

/// <summary>One digest (parse, 3-sentence brief, quotes, key quotes) of the seed and of a ~50 KB article.</summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private string _seed = string.Empty;
    private string _long = string.Empty;
    private InProcessDigest _pipeline = null!;

    /// <summary>Where the long article comes from; set by the <c>bench</c> command through an environment variable.</summary>
    public const string ArticlesVariable = "SUMMARIZER_BENCH_ARTICLES";

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = InProcessDigest.Create();
        _seed = BenchArticles.Seed();
        _long = BenchArticles.LongArticle(Environment.GetEnvironmentVariable(ArticlesVariable) ?? BenchArticles.DefaultArticlesPath());
    }

    [Benchmark(Baseline = true)]
    public DigestResult SeedDigest() => _pipeline.Run(_seed, null, BriefLength.Short);

    [Benchmark]
    public DigestResult LongArticleDigest() => _pipeline.Run(_long, null, BriefLength.Short);
}
