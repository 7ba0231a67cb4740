using System.Text.Json.Nodes;

namespace Summarizer.Api.Tests;

/// <summary>The generated OpenAPI document of the real embedded silo says what the API does.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class OpenApiDocumentTests(SiloHostFixture silo)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await silo.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select (path.Key, method.Key, method.Value!.AsObject());

    [Fact]
    public async Task Only_the_v1_api_is_described_and_servers_have_no_trailing_slash()
    {
        var document = await DocumentAsync();
        Assert.All(document["paths"]!.AsObject(), p => Assert.StartsWith("/v1/", p.Key, StringComparison.Ordinal));
        Assert.All(document["servers"]!.AsArray(), s => Assert.False(((string)s!["url"]!).EndsWith('/')));
        Assert.Equal(12, Operations(document).Count()); // 11 + GET /v1/usage
    }

    [Fact]
    public async Task Every_error_response_is_problem_details_and_every_operation_declares_a_4xx_and_security()
    {
        var document = await DocumentAsync();
        Assert.NotNull(document["components"]!["securitySchemes"]!["ApiKey"]);
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        var problem = document["components"]!["schemas"]!["ProblemDetails"]!;
        Assert.Equal("integer", (string?)problem["properties"]!["status"]!["type"]);
        Assert.Contains("type", problem["required"]!.AsArray().Select(n => (string?)n));

        foreach (var (path, method, operation) in Operations(document))
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key.StartsWith('4')), $"{method} {path} declares no 4xx");
            Assert.NotEmpty(operation["security"]!.AsArray());
            foreach (var (status, response) in responses.Where(r => int.Parse(r.Key) >= 400))
            {
                var schema = response!["content"]?["application/problem+json"]?["schema"];
                Assert.True(schema is not null, $"{method} {path} {status} has no problem+json body");
                Assert.Equal("#/components/schemas/ProblemDetails", (string?)schema!["$ref"]);
            }
        }
    }

    [Theory]
    [InlineData("/v1/articles/{id}", "get", "404")]
    [InlineData("/v1/articles/{id}/brief", "get", "400")]
    [InlineData("/v1/articles/{id}/quotes", "get", "400")]
    [InlineData("/v1/digests", "post", "415")]
    [InlineData("/v1/digests", "post", "422")]
    [InlineData("/v1/articles", "post", "413")]
    [InlineData("/v1/cluster", "get", "503")]
    public async Task Statuses_the_code_returns_are_declared(string path, string method, string status)
    {
        var document = await DocumentAsync();
        Assert.NotNull(document["paths"]![path]![method]!["responses"]![status]);
    }

    [Fact]
    public async Task Length_is_an_enum_counts_are_integers_and_plain_bodies_are_described()
    {
        var document = await DocumentAsync();
        string?[] presets = ["short", "medium", "long"];
        var digestRequest = document["components"]!["schemas"]!["DigestRequest"]!["properties"]!;
        Assert.Equal([.. presets, null], digestRequest["length"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["null", "integer"], digestRequest["maxQuotes"]!["type"]!.AsArray().Select(n => (string?)n));

        var brief = document["paths"]!["/v1/articles/{id}/brief"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal(presets, brief.Single(p => (string?)p!["name"] == "length")!["schema"]!["enum"]!.AsArray().Select(n => (string?)n));
        var quotes = document["paths"]!["/v1/articles/{id}/quotes"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal("integer", (string?)quotes.Single(p => (string?)p!["name"] == "max")!["schema"]!["type"]);

        foreach (var path in new[] { "/v1/digests", "/v1/articles" })
        {
            var content = document["paths"]![path]!["post"]!["requestBody"]!["content"]!;
            Assert.NotNull(content["application/json"]!["example"]);
            Assert.Equal("string", (string?)content["text/plain"]!["schema"]!["type"]);
            Assert.Equal("string", (string?)content["text/html"]!["schema"]!["type"]);
        }
    }

    [Fact]
    public async Task A_count_sent_as_a_string_is_a_400_as_the_document_says_integer()
    {
        using var body = new StringContent("{\"text\": \"A sentence here.\", \"maxQuotes\": \"5\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await silo.Client.PostAsync(new Uri("/v1/digests", UriKind.Relative), body);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.EndsWith("/malformed-request", (string?)problem["type"], StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["maxQuotes"]);
    }
}
