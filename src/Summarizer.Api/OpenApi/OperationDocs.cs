using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Summarizer.Api;

/// <summary>
/// What an endpoint's OpenAPI operation says beyond what ASP.NET Core infers from its handler: the
/// article as a <c>text/plain</c> or <c>text/html</c> body and the query fields that go with it,
/// the presets of <c>length</c>, integer counts, event streams, and examples. Each is added where the
/// endpoint is mapped, so the document and the code change together.
/// </summary>
internal static class OperationDocs
{
    public const string ExampleText = "date 2024-05-04\nThe city museum opened a new wing on Saturday after three years of building work. \"It is the best room we have ever had,\" said curator Ana Ruiz. Crowds queued for hours to see the collection of maps.";

    public const string ExampleHtml = "<!doctype html><html><head><title>Museum opens new wing</title></head><body><article><h1>Museum opens new wing</h1><p>The city museum opened a new wing on Saturday after three years of building work.</p><p>\"It is the best room we have ever had,\" said curator Ana Ruiz.</p></article></body></html>";

    /// <summary>
    /// The request body: <typeparamref name="TJson"/> as JSON (with <paramref name="jsonExample"/>), or the
    /// article itself as <c>text/plain</c> / <c>text/html</c>, whose other fields then come from the query
    /// (<paramref name="queryFields"/>: any of title, length, maxQuotes, backend).
    /// </summary>
    public static RouteHandlerBuilder WithArticleBodies(this RouteHandlerBuilder endpoint, JsonObject jsonExample, params string[] queryFields) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody();
            body.Required = true;
            body.Description = "The article: JSON naming exactly one of `text`, `html` or `url`; or the text itself as text/plain, or a page as text/html (then the other fields are query parameters).";
            body.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (body.Content.TryGetValue("application/json", out var json))
            {
                json.Example = jsonExample;
            }

            body.Content["text/plain"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, Description = "The article's text (UTF-8 unless the charset says otherwise); a first line `date YYYY-MM-DD` is read as its date." },
                Example = JsonValue.Create(ExampleText),
            };
            body.Content["text/html"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, Description = "A web page holding the article; extracted as a fetched page is." },
                Example = JsonValue.Create(ExampleHtml),
            };
            operation.RequestBody = body;

            var limits = context.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value;
            operation.Parameters ??= [];
            foreach (var field in queryFields)
            {
                var (schema, description) = field switch
                {
                    "title" => (new OpenApiSchema { Type = JsonSchemaType.String }, "The article's title."),
                    "length" => (LengthSchema(), "Brief length preset."),
                    "maxQuotes" => (CountSchema(limits.MaxQuotesLimit), $"Key quotes at most (0–{limits.MaxQuotesLimit}); default {limits.DefaultMaxQuotes}."),
                    "backend" => (new OpenApiSchema { Type = JsonSchemaType.String }, "A configured backend by name; default: the configured default."),
                    _ => throw new ArgumentOutOfRangeException(nameof(queryFields), field, "No such query field."),
                };
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = field,
                    In = ParameterLocation.Query,
                    Schema = schema,
                    Description = description + " Only for a text/plain or text/html body (a JSON body carries its own fields).",
                });
            }

            return Task.CompletedTask;
        });

    /// <summary>The <c>length</c> query parameter lists the presets.</summary>
    public static RouteHandlerBuilder WithLengthQuery(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (Query(operation, "length") is { } length)
            {
                length.Schema = LengthSchema();
                length.Description = "Brief length preset: short (3 sentences, the default), medium (5) or long (8).";
            }

            if (Query(operation, "backend") is { } backend)
            {
                backend.Description = "A configured backend by name; default: the configured default. An unknown name is a 400 listing the configured ones.";
            }

            return Task.CompletedTask;
        });

    /// <summary>The query parameter <paramref name="name"/>, read as text by the handler, is an integer in 0..limit.</summary>
    public static RouteHandlerBuilder WithCountQuery(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var limits = context.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value;
            if (Query(operation, name) is { } parameter)
            {
                parameter.Schema = CountSchema(limits.MaxQuotesLimit);
                parameter.Description = $"Key quotes at most (0–{limits.MaxQuotesLimit}); default {limits.DefaultMaxQuotes}.";
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// A 200 that is a Server-Sent Events stream: the body is text; <c>x-summarizer-events</c> names the
    /// schema of each event's data (one JSON document per event), which the contract test checks.
    /// </summary>
    public static RouteHandlerBuilder WithEventStream(this RouteHandlerBuilder endpoint, string description, params (string Event, Type Payload)[] events) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var map = new JsonObject();
            foreach (var (name, payload) in events)
            {
                // A payload that is a component elsewhere (a brief, a problem) is referenced; an event's own payload is inline.
                map[name] = context.Document?.Components?.Schemas?.ContainsKey(payload.Name) == true
                    ? new JsonObject { ["$ref"] = "#/components/schemas/" + payload.Name }
                    : await InlineAsync(await context.GetOrCreateSchemaAsync(payload, null, cancellationToken));
            }

            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Description = description;
                response.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [BriefEvents.ContentType] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Server-Sent Events; each event's `data` is one JSON document (see x-summarizer-events)." },
                        Extensions = new Dictionary<string, IOpenApiExtension> { ["x-summarizer-events"] = new JsonNodeExtension(map) },
                    },
                };
            }
        });

    /// <summary>An example of the 200 response's JSON.</summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder endpoint, string status, JsonObject example) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status, out var r) == true && r is OpenApiResponse { Content: { } content }
                && content.TryGetValue("application/json", out var json))
            {
                json.Example = example;
            }

            return Task.CompletedTask;
        });

    private static async Task<JsonNode> InlineAsync(OpenApiSchema schema)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        schema.SerializeAsV31(new OpenApiJsonWriter(text));
        await text.FlushAsync();
        return JsonNode.Parse(text.ToString())!;
    }

    public static OpenApiSchema LengthSchema()
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create("short") };
        ContractSchemas.LengthEnum(schema, nullable: false);
        return schema;
    }

    public static OpenApiSchema CountSchema(int limit) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "0",
        Maximum = limit.ToString(CultureInfo.InvariantCulture),
    };

    private static OpenApiParameter? Query(OpenApiOperation operation, string name) =>
        operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == name);
}
