using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Summarizer.Silo;

namespace Summarizer.Storage.Tests;

/// <summary>
/// Memory holds the articles in use, not every article stored: idle grains are deactivated (the
/// collection age is configured, 5 minutes unless set) and an article read later comes back from disk.
/// </summary>
public sealed class IdleCollectionTests
{
    [Fact]
    public async Task Idle_article_grains_are_deactivated_and_read_back_from_disk()
    {
        await using var host = await EmbeddedSilo.StartAsync("--Orleans:GrainCollection:CollectionAge=00:03:00");
        Assert.Equal(TimeSpan.FromMinutes(3), host.App.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.CollectionAge);
        var texts = Enumerable.Range(0, 20).Select(_ => Articles.Unique()).ToList();
        var ids = new List<string>();
        foreach (var text in texts)
        {
            ids.Add(await Articles.StoreAsync(host.Http, text));
        }

        var management = host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        Assert.True(await ArticleActivationsAsync(management) >= ids.Count);

        // What the collector does to grains idle for CollectionAge, now instead of in 3 minutes.
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, await ArticleActivationsAsync(management));

        Assert.Equal(texts[7], await Articles.TextAsync(host.Http, ids[7]));
        Assert.Equal(1, await ArticleActivationsAsync(management));
    }

    [Fact]
    public async Task Grains_are_collected_after_five_idle_minutes_unless_configured()
    {
        await using var data = new TempDirectory();
        await using var app = SummarizerSilo.Build(EmbeddedSilo.Args(data.Path)); // built, not started: the options are the question
        var options = app.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        Assert.Equal(SiloStorage.DefaultCollectionAge, options.CollectionAge);
        Assert.True(options.EnableActivationSheddingOnMemoryPressure);
    }

    private static async Task<int> ArticleActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(nameof(Summarizer.Grains.ArticleGrain), StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
}
