using System.Text.Json.Nodes;

namespace Summarizer.Api;

/// <summary>Examples in the OpenAPI document (the lint checks each against its schema).</summary>
internal static class ApiExamples
{
    /// <summary>The id of <see cref="OperationDocs.ExampleText"/>.</summary>
    public static string Id { get; } = Summarizer.Text.ArticleId.Compute(Summarizer.Text.ArticleDocument.Parse(OperationDocs.ExampleText).Text);

    public static JsonObject DigestRequest() => new()
    {
        ["text"] = OperationDocs.ExampleText,
        ["title"] = "Museum opens new wing",
        ["length"] = "short",
        ["maxQuotes"] = 3,
    };

    public static JsonObject ArticleRequest() => new()
    {
        ["url"] = "https://news.example/2024/05/04/museum-wing",
    };

    public static JsonObject CollectionRequest() => new()
    {
        ["articles"] = new JsonArray(
            new JsonObject { ["id"] = Id },
            new JsonObject { ["url"] = "https://news.example/2024/05/05/museum-crowds" }),
        ["length"] = "short",
        ["maxQuotes"] = 5,
    };

    public static JsonObject Brief() => new()
    {
        ["articleId"] = Id,
        ["length"] = "short",
        ["brief"] = Sentences(),
        ["sentences"] = new JsonArray(
            "The city museum opened a new wing on Saturday after three years of building work.",
            "Crowds queued for hours to see the collection of maps."),
        ["backend"] = Backend(),
        ["cached"] = true,
        ["degraded"] = false,
        ["degradedReason"] = null,
        ["faithfulness"] = null,
    };

    public static JsonObject Digest() => new()
    {
        ["articleId"] = Id,
        ["title"] = "Museum opens new wing",
        ["date"] = "2024-05-04",
        ["length"] = "short",
        ["brief"] = Sentences(),
        ["sentences"] = new JsonArray(
            "The city museum opened a new wing on Saturday after three years of building work.",
            "Crowds queued for hours to see the collection of maps."),
        ["keyQuotes"] = new JsonArray(new JsonObject
        {
            ["text"] = "It is the best room we have ever had,",
            ["speaker"] = "Ana Ruiz",
            ["start"] = 84,
            ["end"] = 121,
            ["verified"] = true,
        }),
        ["backend"] = Backend(),
        ["cached"] = false,
        ["degraded"] = false,
        ["degradedReason"] = null,
        ["degradedParts"] = null,
        ["sourceUrl"] = null,
        ["metadata"] = null,
        ["faithfulness"] = null,
    };

    /// <summary>A problem of <paramref name="status"/> as this API writes it.</summary>
    public static JsonObject Problem(int status)
    {
        var (slug, title, detail) = status switch
        {
            400 => ("invalid-parameter", "A parameter is invalid.", "length must be one of: short, medium, long."),
            401 => ("unauthorized", "An API key is required.", "Send an API key in X-Api-Key or Authorization: Bearer."),
            403 => ("loopback-only", "Only local clients are served.", "This server has no API keys configured and serves clients on its own machine only."),
            404 => ("not-found", "Not found.", $"No article with id '{Id}' is stored."),
            413 => ("too-large", "The request is too large.", "The request body is larger than the limit of 2097152 bytes (Summarizer:Api:MaxBodyBytes)."),
            415 => ("unsupported-media-type", "Unsupported media type.", "Content-Type 'application/xml' is not supported. Send application/json, text/plain or text/html."),
            422 => ("no-article-text", "No article text found.", "The text holds no sentences (no letters or digits) to summarise."),
            429 => ("rate-limited", "Too many requests.", "The request budget of this key is spent; retry after the time in Retry-After."),
            502 => ("backend-error", "The model backend failed.", "Backend 'openai' answered 500."),
            503 => (Problems.ClusterUnavailableSlug, Problems.ClusterUnavailableTitle, Problems.ClusterUnavailableDetail),
            504 => ("backend-timeout", "The model backend timed out.", "Backend 'ollama' did not answer within 60 s."),
            _ => ("internal", "An unexpected error occurred.", "The server failed to process the request; it has been logged."),
        };
        return new JsonObject
        {
            ["type"] = Problems.TypeBase + slug,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        };
    }

    private static string Sentences() =>
        "The city museum opened a new wing on Saturday after three years of building work. Crowds queued for hours to see the collection of maps.";

    private static JsonObject Backend() => new() { ["name"] = "extractive", ["model"] = null };
}
