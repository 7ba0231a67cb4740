using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>
/// Makes the generated schemas say what the API does: <c>length</c> is one of the presets, counts
/// are integers in the host's range, every property of a response is always written (required), and
/// <see cref="ProblemDetails"/> is the RFC 9457 object with this API's extensions.
/// </summary>
internal sealed class ContractSchemas : IOpenApiSchemaTransformer
{
    public static readonly string[] Lengths = [.. Enum.GetValues<BriefLength>().Select(l => l.ToWireName())];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is { } property)
        {
            if (property.DeclaringType.Assembly != typeof(ContractSchemas).Assembly)
            {
                return Task.CompletedTask;
            }

            var limits = context.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value;
            switch (property.Name)
            {
                case "length":
                    LengthEnum(schema, nullable: schema.Type is { } t && t.HasFlag(JsonSchemaType.Null));
                    break;
                case "maxQuotes" when property.DeclaringType.Name.EndsWith("Request", StringComparison.Ordinal):
                    schema.Minimum = "0";
                    schema.Maximum = limits.MaxQuotesLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    schema.Description = $"Key quotes at most (0–{limits.MaxQuotesLimit}); default {limits.DefaultMaxQuotes}.";
                    break;
            }

            return Task.CompletedTask;
        }

        if (type == typeof(ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            Problem(schema);
        }
        else if (type.Assembly == typeof(ContractSchemas).Assembly && type.Name.EndsWith("Response", StringComparison.Ordinal) && schema.Properties is { Count: > 0 } properties)
        {
            // Responses are records serialised with nulls written: every property is always present.
            schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
        }
        else if (type.Assembly == typeof(ContractSchemas).Assembly && type.Name.EndsWith("Event", StringComparison.Ordinal) && schema.Properties is { Count: > 0 } eventProperties)
        {
            schema.Required = new HashSet<string>(eventProperties.Keys, StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    /// <summary>The length presets as an enum (plus null for an optional request field).</summary>
    public static void LengthEnum(OpenApiSchema schema, bool nullable)
    {
        schema.Enum = [.. Lengths.Select(l => (JsonNode)JsonValue.Create(l)!)];
        if (nullable)
        {
            schema.Enum.Add(null!);
        }

        schema.Description ??= "Brief length preset: short (3 sentences, the default), medium (5) or long (8).";
    }

    /// <summary>RFC 9457 problem details as this API writes them.</summary>
    private static void Problem(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Description = "RFC 9457 problem details. `type` is stable per kind of failure (https://summarizer.dev/problems/<kind>); other members are extensions of that kind.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Kind of failure, a stable URI." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Short summary of the kind of failure." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What went wrong with this request." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id (W3C), also in the server's logs." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per request field, for a bad field.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        schema.Required = new HashSet<string>(["type", "title", "status"], StringComparer.Ordinal);
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
        schema.Pattern = null;
    }
}
