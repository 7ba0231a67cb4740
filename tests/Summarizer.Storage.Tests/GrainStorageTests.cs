using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Summarizer.Grains;

namespace Summarizer.Storage.Tests;

/// <summary>
/// The embedded silo's grain storage (the instance the host registered under
/// <see cref="StorageNames.Articles"/>) keeps Orleans' contract: a missing record reads as absent,
/// a write needs the ETag it read, a stale ETag is a conflict that leaves the stored state alone,
/// and a cleared record is gone, also for a new host on the same file.
/// </summary>
public sealed class GrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("article", "STORAGE-CONTRACT");

    [Fact]
    public async Task Reads_writes_with_etags_refuses_stale_ones_and_clears()
    {
        await using var data = new TempDirectory();
        await using (var host = await EmbeddedSilo.StartOnAsync(data.Path))
        {
            var storage = host.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Articles);
            var missing = new GrainState<ArticleState>(new ArticleState());
            await storage.ReadStateAsync("article", Grain, missing);
            Assert.False(missing.RecordExists);
            Assert.Null(missing.ETag);

            var mine = new GrainState<ArticleState>(new ArticleState { Text = "First text.", Title = "One" });
            await storage.WriteStateAsync("article", Grain, mine);
            Assert.True(mine.RecordExists);
            var stale = new GrainState<ArticleState>(new ArticleState()) { ETag = mine.ETag };
            mine.State!.Title = "Two";
            await storage.WriteStateAsync("article", Grain, mine);

            stale.State!.Title = "Lost update";
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("article", Grain, stale));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("article", Grain, new GrainState<ArticleState>(new ArticleState())));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("article", Grain, stale));

            var read = new GrainState<ArticleState>(new ArticleState());
            await storage.ReadStateAsync("article", Grain, read);
            Assert.Equal(("First text.", "Two", mine.ETag), (read.State!.Text, read.State.Title, read.ETag));

            // Another state name of the same grain is another record.
            var other = new GrainState<ArticleState>(new ArticleState());
            await storage.ReadStateAsync("other", Grain, other);
            Assert.False(other.RecordExists);

            await storage.ClearStateAsync("article", Grain, read);
            Assert.False(read.RecordExists);
            await host.StopAsync();
        }

        await using var again = await EmbeddedSilo.StartOnAsync(data.Path);
        var cleared = new GrainState<ArticleState>(new ArticleState());
        await again.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Articles).ReadStateAsync("article", Grain, cleared);
        Assert.False(cleared.RecordExists);
    }

    [Fact]
    public async Task A_data_path_that_cannot_be_a_directory_stops_the_silo_at_start_naming_the_key()
    {
        await using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => EmbeddedSilo.StartOnAsync(file));

        Assert.Contains("Summarizer:Storage:Path", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
