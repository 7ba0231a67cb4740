using Summarizer.Contracts;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Summarizer.Api;

/// <summary>The kinds of body the write endpoints accept.</summary>
internal enum BodyKind
{
    Json,
    PlainText,
    Html,
}

/// <summary>
/// Reads a request body with a hard size limit: a declared Content-Length over the limit is
/// refused before anything is read, and a chunked body is refused as soon as it passes the limit.
/// </summary>
internal static class RequestBody
{
    private static readonly JsonSerializerOptions Json = ApiJson.Options;

    /// <summary>
    /// Reads the body and turns it into <typeparamref name="T"/>: JSON is deserialised, a plain-text
    /// or HTML body goes through <paramref name="fromRaw"/> (which also reads the query).
    /// </summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> BindAsync<T>(
        HttpContext context, ApiOptions options, Func<string, BodyKind, IQueryCollection, ApiOptions, (T?, ProblemHttpResult?)> fromRaw)
        where T : class
    {
        var request = context.Request;
        var (body, kind, problem) = await ReadAsync(request, options.MaxBodyBytes, context.RequestAborted);
        if (problem is not null)
        {
            return (null, problem);
        }

        return kind == BodyKind.Json ? ParseJson<T>(body!) : fromRaw(body!, kind, request.Query, options);
    }

    public static async Task<(string? Body, BodyKind Kind, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!TryGetKind(request.ContentType, out var kind, out var charset))
        {
            return (null, default, Problems.UnsupportedMediaType(
                $"Content-Type {Echo.Quote(request.ContentType)} is not supported. Send application/json, text/plain or text/html."));
        }

        if (!BodyCharsets.TryResolve(charset, out var encoding, out var refusal))
        {
            return (null, kind, Problems.UnsupportedMediaType(refusal));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, kind, TooLarge(maxBytes));
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, kind, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, kind, TooLarge(maxBytes));
        }
        catch (BadHttpRequestException e)
        {
            // Transport errors in the body: a body cut short, a bad chunk terminator, a read timeout.
            return (null, kind, Problems.Create(e.StatusCode, "malformed-request", "The request is malformed.",
                $"The request body could not be read: {e.Message}"));
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested && e is not Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            // Kestrel reports a chunk size that overflows as an IOException over an OverflowException, not as a bad request.
            return (null, kind, Problems.Malformed($"The request body could not be read: {e.Message}"));
        }

        if (buffer.Length == 0)
        {
            return (null, kind, Problems.Malformed("The request body is empty."));
        }

        try
        {
            return (encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), kind, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, kind, Problems.Malformed("The request body is not valid text in its declared encoding (UTF-8 by default)."));
        }
    }

    /// <summary>Deserialises JSON into <typeparamref name="T"/>; malformed JSON gives a 400 naming where it broke.</summary>
    public static (T? Value, ProblemHttpResult? Problem) ParseJson<T>(string body)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Json);
            return value is null ? (null, Problems.Malformed("The JSON body must be an object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.');
            var where = path is null ? "" : $" at '{path}'";
            return (null, Problems.Malformed($"The JSON body is malformed{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", path));
        }
    }

    private static bool TryGetKind(string? contentType, out BodyKind kind, out string? charset)
    {
        kind = default;
        charset = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        charset = media.Charset.Value;

        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            kind = BodyKind.Json;
            return true;
        }

        if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            kind = BodyKind.PlainText;
            return true;
        }

        if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        {
            kind = BodyKind.Html;
            return true;
        }

        return false;
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.TooLarge($"The request body is larger than the limit of {maxBytes} bytes (Summarizer:Api:MaxBodyBytes).");
}
