using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summarizer.Api;

/// <summary>
/// The JSON rules of the API, one place: web defaults (camelCase, case-insensitive names) and numbers
/// only as JSON numbers, so <c>"maxQuotes": "5"</c> is a 400 and the OpenAPI document can say
/// <c>integer</c> instead of integer-or-string. Request bodies, responses and stream events all use them.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Sets the API's rules on <paramref name="options"/> (the host's HTTP JSON options).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
