namespace Summarizer.Storage.Tests;

/// <summary>
/// The embedded silo keeps its state in <c>Summarizer:Storage:Path</c>: a host started again on the
/// same directory, after a clean stop or after its process was killed with SIGKILL, answers with
/// the articles and cached briefs the earlier one acknowledged.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Article_and_its_cached_brief_come_back_after_a_restart_on_the_same_path()
    {
        await using var data = new TempDirectory();
        var path = Path.Combine(data.Path, "not", "yet", "there"); // created on demand
        var text = Articles.Unique();
        string id;
        string brief;
        await using (var first = await EmbeddedSilo.StartOnAsync(path))
        {
            id = await Articles.StoreAsync(first.Http, text);
            var computed = await Articles.BriefAsync(first.Http, id);
            Assert.False((bool)computed["cached"]!);
            brief = (string)computed["brief"]!;
            await first.StopAsync();
        }

        Assert.True(File.Exists(Path.Combine(path, StorageOptions.FileName)));
        await using var second = await EmbeddedSilo.StartOnAsync(path);
        Assert.Equal(text, await Articles.TextAsync(second.Http, id));
        var again = await Articles.BriefAsync(second.Http, id);
        Assert.True((bool)again["cached"]!);
        Assert.Equal(brief, (string)again["brief"]!);
    }

    [Fact]
    public async Task Article_and_its_cached_brief_survive_kill_9_of_the_silo_process()
    {
        await using var data = new TempDirectory();
        var text = Articles.Unique();
        string id;
        string brief;
        int killed;
        await using (var silo = await SiloProcess.StartAsync(data.Path))
        {
            id = await Articles.StoreAsync(silo.Http, text);
            var computed = await Articles.BriefAsync(silo.Http, id);
            Assert.False((bool)computed["cached"]!);
            brief = (string)computed["brief"]!;

            // Acknowledged: 201 and 200 came back. Now no shutdown code runs.
            killed = silo.Id;
            await silo.KillAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(data.Path);
        Assert.NotEqual(killed, restarted.Id);
        Assert.Equal(text, await Articles.TextAsync(restarted.Http, id));
        var again = await Articles.BriefAsync(restarted.Http, id);
        Assert.True((bool)again["cached"]!, restarted.Output);
        Assert.Equal(brief, (string)again["brief"]!);
    }
}
