using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Summarizer.Text;

namespace Summarizer.Api.Tests;

/// <summary>Text that once crashed the service (issue 11): answered, stored once analysed, and readable afterwards.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class HostileTextApiTests(SiloHostFixture host)
{
    private HttpClient Http => host.Client;

    [Theory]
    [InlineData("The council met on Monday. It voted to close the bridge.\n\nPhoto: Reuters\n\nThe works start in May.")]
    [InlineData("The council met on Monday.\uFFFE It voted to close the bridge.")]
    [InlineData("The cafe\u0301 council met.\uFFFF It voted \uFDD0 to close the bridge.\u0000\u001b[0m")]
    [InlineData("\uFEFFThe council met on Monday.\u2028It voted.\u2029“We will close it,” said Mayor Ana\n\nRuiz.")]
    public async Task Hostile_text_is_digested_and_its_article_stays_readable(string text)
    {
        using var response = await Http.PostAsync("/v1/digests", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var digest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = (string)digest["articleId"]!;
        Assert.Equal(ArticleId.Compute(ArticleDocument.Parse(text).Text), id);

        using var stored = await Http.PostAsync("/v1/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode); // stored by the digest, so 200 (201 only for a new article)
        Assert.Equal(id, (string?)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]);

        foreach (var path in (string[])[$"/v1/articles/{id}", $"/v1/articles/{id}/quotes", $"/v1/articles/{id}/brief?length=long"])
        {
            using var read = await Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    [Fact]
    public async Task Json_escapes_of_non_characters_are_normalised_like_raw_ones()
    {
        using var escaped = await Http.PostAsync("/v1/articles", new StringContent("{\"text\": \"The bridge closed.\\uFFFE It reopened.\"}", Encoding.UTF8, "application/json"));
        using var raw = await Http.PostAsync("/v1/articles", new StringContent("The bridge closed.\uFFFE It reopened.", Encoding.UTF8, "text/plain"));

        Assert.True(escaped.IsSuccessStatusCode, $"{escaped.StatusCode}");
        Assert.True(raw.IsSuccessStatusCode, $"{raw.StatusCode}");
        var a = JsonNode.Parse(await escaped.Content.ReadAsStringAsync())!;
        var b = JsonNode.Parse(await raw.Content.ReadAsStringAsync())!;
        Assert.Equal((string?)a["id"], (string?)b["id"]);
    }

    [Fact]
    public async Task A_title_with_controls_and_line_breaks_is_stored_clean()
    {
        var body = "{\"text\": \"The bridge closed on a quiet Sunday in " + Guid.NewGuid().ToString("N") + ".\", \"title\": \"  Bridge\\n\\nclosed\\u0007 \\u0000today\\uFFFE  \"}";
        using var response = await Http.PostAsync("/v1/articles", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bridge closed today\uFFFD", (string?)article["title"]);
    }
}
