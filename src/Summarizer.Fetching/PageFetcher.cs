using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using Microsoft.Extensions.Options;

namespace Summarizer.Fetching;

/// <summary>
/// Fetches one web page within the limits of <see cref="FetchOptions"/>: the URL and every redirect
/// target pass the <see cref="UrlPolicy"/>, every connection the <see cref="SafeConnector"/>; the
/// whole fetch has one deadline; the body is counted while it streams. Every failure is a
/// <see cref="FetchException"/> whose kind says which problem it is.
/// </summary>
public sealed class PageFetcher
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client whose handler does the connect-time checks.</summary>
    public const string ClientName = "Summarizer.Fetch";

    private const string Accept = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1";

    private readonly IHttpClientFactory _clients;
    private readonly FetchOptions _options;
    private readonly UrlPolicy _urls;
    private readonly TimeProvider _time;

    public PageFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, UrlPolicy urls, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_clients, _options, _urls, _time) = (clients, options.Value, urls, time);
    }

    /// <summary>The URL that would be fetched for <paramref name="url"/>, or a refusal; sends nothing.</summary>
    public Uri Check(string? url) => _urls.Check(url);

    public async Task<FetchedPage> FetchAsync(string url, FetchValidators? validators, CancellationToken cancellationToken)
    {
        var requested = _urls.Check(url);
        using var deadline = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return await FollowAsync(requested, validators, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(FetchFailureKind.Timeout, $"Fetching '{requested}' took longer than {_options.Timeout.TotalSeconds:0.#} s (Summarizer:Fetch:Timeout).");
        }
        catch (HttpRequestException e) when (Find<FetchException>(e) is { } inner)
        {
            throw new FetchException(inner.Kind, inner.Message, inner.UpstreamStatus, e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(FetchFailureKind.Failed, $"Fetching '{requested}' failed: {Describe(e)}.", null, e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(FetchFailureKind.Failed, $"Fetching '{requested}' failed while reading the body: {e.Message}", null, e);
        }
    }

    private async Task<FetchedPage> FollowAsync(Uri requested, FetchValidators? validators, CancellationToken cancellationToken)
    {
        var client = _clients.CreateClient(ClientName);
        var current = requested;
        for (var redirects = 0; ; redirects++)
        {
            using var request = NewRequest(current, redirects == 0 ? validators : null);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= _options.MaxRedirects)
                {
                    throw new FetchException(FetchFailureKind.Failed, $"'{requested}' redirected more than {_options.MaxRedirects} times (Summarizer:Fetch:MaxRedirects).", (int)response.StatusCode);
                }

                current = _urls.CheckRedirect(current, response.Headers.Location?.OriginalString);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotModified && validators is not null && redirects == 0)
            {
                return new FetchedPage(requested, current, 0, "", null, [], validators.ETag, validators.LastModified, NotModified: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException(FetchFailureKind.Failed, $"The upstream answered {(int)response.StatusCode} {response.ReasonPhrase} for '{current}'.", (int)response.StatusCode);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || !_options.EffectiveContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                throw new FetchException(FetchFailureKind.UnsupportedContentType,
                    $"The page is '{mediaType ?? "(no Content-Type)"}'; accepted are {string.Join(", ", _options.EffectiveContentTypes)} (Summarizer:Fetch:ContentTypes).");
            }

            var body = await ReadBodyAsync(response.Content, cancellationToken);
            return new FetchedPage(requested, current, redirects, mediaType.ToLowerInvariant(), response.Content.Headers.ContentType?.CharSet, body,
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified)
            {
                MaxAge = MaxAge(response.Headers.CacheControl),
            };
        }
    }

    private HttpRequestMessage NewRequest(Uri url, FetchValidators? validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("Accept-Language", "en;q=0.9, *;q=0.5");
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (validators?.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }

        return request;
    }

    private async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var max = _options.MaxBodyBytes;
        if (content.Headers.ContentLength > max)
        {
            throw TooLarge($"declares {content.Headers.ContentLength} bytes");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge("sent more");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private FetchException TooLarge(string what) =>
        new(FetchFailureKind.TooLarge, $"The page {what} than the limit of {_options.MaxBodyBytes} bytes (Summarizer:Fetch:MaxBodyBytes).");

    private static TimeSpan? MaxAge(CacheControlHeaderValue? cache) =>
        cache is null ? null : cache.NoCache || cache.NoStore ? TimeSpan.Zero : cache.MaxAge;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved (DNS)",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed" + (Find<AuthenticationException>(e) is { } tls ? $" ({tls.Message})" : ""),
        HttpRequestError.ConnectionError => "the connection could not be made",
        HttpRequestError.ResponseEnded => "the connection closed before the response ended",
        HttpRequestError.InvalidResponse => "the response was not valid HTTP",
        _ => e.Message,
    };

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
