using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Summarizer.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, exact enough for a generated client: only the
/// <c>/v1</c> API (operator endpoints such as the dashboard stay out), servers without a trailing
/// slash, every error response (whoever declared its status) as <c>application/problem+json</c>
/// with the <c>ProblemDetails</c> schema and an example, <c>Retry-After</c> where the API sends it,
/// and article ids with their shape. Schemas: <see cref="ContractSchemas"/>; per-operation bodies,
/// query parameters, streams and examples: <see cref="OperationDocs"/>, where each endpoint is mapped.
/// </summary>
public static class ApiContract
{
    public const string DocumentName = "v1";

    public const string ProblemContentType = "application/problem+json";

    /// <summary>Adds the contract's transformers; the document transformer is registered last by the caller's order.</summary>
    public static OpenApiOptions AddSummarizerContract(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = d => d.RelativePath is { } path && (path == "v1" || path.StartsWith("v1/", StringComparison.Ordinal));
        options.AddSchemaTransformer<ContractSchemas>();
        options.AddDocumentTransformer<ContractDocument>();
        return options;
    }

    /// <summary>The description of a status as this API uses it.</summary>
    internal static string Describe(int status) => status switch
    {
        200 => "OK.",
        201 => "Created; `Location` names the new resource.",
        304 => "Not modified: the representation named in `If-None-Match` is still current.",
        400 => "Malformed request or invalid parameter (`errors` names the field); unknown backend (`available` lists them).",
        401 => "No API key, or not a configured one (`WWW-Authenticate` says how to send one).",
        403 => "Refused: this server serves only local clients (no API keys configured).",
        404 => "No such article or collection (an id that is not of the id's shape is unknown too).",
        413 => "Over a limit: the request body (Summarizer:Api:MaxBodyBytes), a fetched page, or the article's size for a brief (`limit`, `max`, `actual`).",
        415 => "Unsupported media type of the body or of a fetched page.",
        422 => "No article: the text holds no sentences, or the page is a teaser, paywall or cookie wall (`reason`).",
        429 => "Rate limited: retry after `Retry-After` seconds.",
        500 => "Unexpected server fault (logged with the trace id; no internals in the body).",
        502 => "The model backend failed, or fetching the page failed (`upstreamStatus`).",
        503 => "The model backend is unavailable, or no silo can serve the request now: retry after `Retry-After` seconds.",
        504 => "The model backend or the page fetch timed out.",
        _ => "Status " + status + ".",
    };

    private sealed class ContractDocument : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info ??= new OpenApiInfo();
            document.Info.Title = "Summarizer API";
            document.Info.Version = "v1";
            document.Info.Description = "Briefs and key-quote digests of news articles, served by an Orleans cluster. Errors are RFC 9457 problem details with a stable `type` per kind of failure.";
            foreach (var server in document.Servers ?? [])
            {
                if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
                {
                    server.Url = url.TrimEnd('/');
                }
            }

            document.Tags = new HashSet<OpenApiTag>([new OpenApiTag { Name = "Summarizer", Description = "Digests, articles, briefs, key quotes, collections and the cluster." }]);

            foreach (var item in document.Paths.Values)
            {
                foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
                {
                    foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    {
                        if (parameter is { In: ParameterLocation.Path, Name: "id" })
                        {
                            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z2-7]{52}$" };
                            parameter.Description = "Id: base32 (lower case, no padding) of SHA-256; an article's is over its normalised text.";
                        }
                    }

                    Errors(document, operation);
                }
            }

            // The stream endpoints' declared result type (an SseItem) is not what their body is (see OperationDocs.WithEventStream).
            document.Components?.Schemas?.Remove("SseItemOfstring");
            return Task.CompletedTask;
        }

        private static void Errors(OpenApiDocument document, OpenApiOperation operation)
        {
            foreach (var (code, entry) in operation.Responses ?? [])
            {
                if (entry is not OpenApiResponse response || !int.TryParse(code, out var status))
                {
                    continue;
                }

                response.Description = Describe(status);
                if (status < 400)
                {
                    continue;
                }

                response.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchemaReference("ProblemDetails", document),
                        Example = ApiExamples.Problem(status),
                    },
                };
                if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
                {
                    response.Headers = new Dictionary<string, IOpenApiHeader>
                    {
                        ["Retry-After"] = new OpenApiHeader
                        {
                            Description = "Seconds to wait before retrying.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                        },
                    };
                }
            }
        }
    }
}
