using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Summarizer.Storage.Tests;

/// <summary>What the durability tests do through the HTTP API: store an article, ask for its brief, read both back.</summary>
internal static class Articles
{
    /// <summary>A short article unique to the calling test, so no other test's state can answer for it.</summary>
    public static string Unique() =>
        $"The bridge over the river closed on Monday for repairs {Guid.NewGuid():N}. Engineers found cracks in two of its piers. \"We could not take the risk,\" said Maria Costa, the city's chief engineer. The works start in May.";

    /// <summary>POST /v1/articles: 201 and the id.</summary>
    public static async Task<string> StoreAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsync(new Uri("/v1/articles", UriKind.Relative), new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    public static async Task<JsonNode> BriefAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync(new Uri($"/v1/articles/{id}/brief?length=short", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>GET /v1/articles/{id}/text: 200 and the stored text.</summary>
    public static async Task<string> TextAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync(new Uri($"/v1/articles/{id}/text", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
