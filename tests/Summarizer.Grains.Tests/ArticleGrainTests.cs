using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ArticleGrainTests(ClusterFixture fixture)
{
    private static readonly string Seed = Seeds.Raw;

    private static ArticleContent Content(string raw)
    {
        var d = ArticleDocument.Parse(raw);
        return new ArticleContent(d.Text, d.Title, d.Date, null);
    }

    [Fact]
    public async Task The_cluster_has_two_silos()
    {
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task Same_text_gets_the_same_id_and_state_from_either_silo()
    {
        var content = Content(Seed);
        var id = ArticleId.Compute(content.Text);
        var silos = fixture.Cluster.Silos;
        Assert.Equal(2, silos.Count);

        var first = await silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IArticleGrain>(id).StoreAsync(content);
        var second = await silos[1].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IArticleGrain>(ArticleId.Compute(Content(Seed).Text)).StoreAsync(content);

        Assert.Equal(id, first.Id);
        Assert.Equal(first, second); // same activation, same stored metadata (StoredAt included)
        Assert.Equal("2021-06-29", first.Date);
        Assert.Equal(9, first.Quotes);
    }

    [Fact]
    public async Task Text_that_does_not_hash_to_the_key_is_refused()
    {
        var content = Content("One sentence here. Another sentence there.");
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute("something else"));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.StoreAsync(content));
        Assert.Null(await grain.GetInfoAsync());
    }

    [Fact]
    public async Task Text_without_sentences_is_refused_and_not_stored()
    {
        const string text = "... --- !!! ???";
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute(text));

        await Assert.ThrowsAsync<ArticleNotAnalysableException>(() => grain.StoreAsync(new ArticleContent(text, null, null, null)));
        Assert.Null(await grain.GetInfoAsync());
        await Assert.ThrowsAsync<ArticleNotFoundException>(() => grain.GetQuotesAsync(5));
    }

    [Theory]
    [InlineData("Two  spaces inside. Another sentence.", null)]
    [InlineData("A sentence.\n\n\nThree line breaks.", null)]
    [InlineData("A non-character \uFFFE inside.", null)]
    [InlineData("A fine sentence.", "A title\nover two lines")]
    public async Task Text_not_in_normalised_form_is_refused_and_not_stored(string text, string? title)
    {
        text += $" {Guid.NewGuid():N}.";
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute(text));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.StoreAsync(new ArticleContent(text, title, null, null)));
        Assert.Null(await grain.GetInfoAsync());
    }

    [Fact]
    public async Task Second_brief_request_is_served_from_cache_with_one_backend_call()
    {
        // A text unique to this test, so other tests' calls do not count.
        var content = Content($"The council met on Tuesday. It voted on the budget {Guid.NewGuid():N}. Members argued for hours. The vote passed narrowly.");
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute(content.Text));
        await grain.StoreAsync(content);

        var first = await grain.GetBriefAsync(new BriefOptions(BriefLength.Short, "counting"));
        var second = await grain.GetBriefAsync(new BriefOptions(BriefLength.Short, "counting"));

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal("counting", second.Backend.Name);
        Assert.Equal(1, ClusterFixture.Counting.CallsFor(content.Text));
    }

    [Fact]
    public async Task Concurrent_identical_requests_from_both_silos_make_one_backend_call()
    {
        var content = Content($"Rain fell across the region overnight. Rivers rose {Guid.NewGuid():N}. Roads were closed. Crews worked until dawn.");
        var id = ArticleId.Compute(content.Text);
        await fixture.Cluster.Client.GetGrain<IArticleGrain>(id).StoreAsync(content);

        var calls = Enumerable.Range(0, 20).Select(i =>
        {
            var factory = fixture.Cluster.Silos[i % 2].ServiceProvider.GetRequiredService<IGrainFactory>();
            return factory.GetGrain<IArticleGrain>(id).GetBriefAsync(new BriefOptions(BriefLength.Medium, "counting"));
        });
        var briefs = await Task.WhenAll(calls);

        Assert.Single(briefs.Select(b => b.Text).Distinct());
        Assert.Equal(1, ClusterFixture.Counting.CallsFor(content.Text));
    }

    [Fact]
    public async Task Each_length_preset_is_cached_separately()
    {
        var content = Content(Seed);
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute(content.Text));
        await grain.StoreAsync(content);

        var shortBrief = await grain.GetBriefAsync(new BriefOptions(BriefLength.Short, null));
        var longBrief = await grain.GetBriefAsync(new BriefOptions(BriefLength.Long, null));

        Assert.Equal(3, shortBrief.Sentences.Count);
        Assert.Equal(8, longBrief.Sentences.Count);
        Assert.Equal("extractive", shortBrief.Backend.Name);
    }

    [Fact]
    public async Task Unknown_article_and_unknown_backend_are_reported_as_such()
    {
        var missing = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute("never stored " + Guid.NewGuid()));
        await Assert.ThrowsAsync<ArticleNotFoundException>(() => missing.GetBriefAsync(new BriefOptions(BriefLength.Short, null)));

        var content = Content(Seed);
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute(content.Text));
        await grain.StoreAsync(content);
        var e = await Assert.ThrowsAsync<UnknownBackendException>(() => grain.GetBriefAsync(new BriefOptions(BriefLength.Short, "nope")));
        Assert.Contains("counting", e.Available);
        Assert.Contains("extractive", e.Available);
    }

    [Fact]
    public async Task Key_quotes_carry_offsets_into_the_stored_text()
    {
        var content = Content(Seed);
        var grain = fixture.Cluster.Client.GetGrain<IArticleGrain>(ArticleId.Compute(content.Text));
        await grain.StoreAsync(content);

        var digest = await grain.GetQuotesAsync(5);

        Assert.Equal(5, digest.Quotes.Count);
        Assert.Equal(9, digest.TotalQuotes);
        Assert.All(digest.Quotes, q =>
        {
            Assert.True(q.Verified);
            Assert.Equal(q.Text, content.Text[q.Start..q.End]);
            Assert.False(string.IsNullOrEmpty(q.Speaker));
        });
    }
}
