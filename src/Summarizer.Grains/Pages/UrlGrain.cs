using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Summarizer.Backends;
using Summarizer.Contracts;
using Summarizer.Extraction;
using Summarizer.Fetching;

namespace Summarizer.Grains.Pages;

/// <summary>
/// One web page, keyed by its normalised URL (<see cref="UrlPolicy.Normalize"/>). Fetches it with
/// the <see cref="PageFetcher"/>, decodes and extracts the article once, and keeps the result in
/// memory for <see cref="FetchOptions.CacheTtl"/> (or less, when the page's <c>Cache-Control</c> says
/// <c>max-age</c>, <c>no-cache</c> or <c>no-store</c>); after that the next call revalidates with the
/// page's ETag / Last-Modified, so an unchanged page is not downloaded or extracted again.
/// Single-flight: calls that arrive while a fetch is in flight await that fetch, so any number of
/// concurrent requests for one link make one outbound request. Failures are answered, not kept:
/// the next call tries again.
/// </summary>
[Reentrant]
public sealed class UrlGrain(
    PageFetcher fetcher, ArticleExtractor extractor, IOptions<FetchOptions> options, SummarizerMetrics metrics, SummarizerClock time, ILogger<UrlGrain> logger) : Grain, IUrlGrain
{
    private PageArticle? _article;
    private FetchValidators? _validators;
    private DateTimeOffset _checkedAt;
    private TimeSpan _ttl;
    private Task<PageResult>? _inFlight;

    public async Task<PageResult> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_article is not null && time.GetUtcNow() - _checkedAt < _ttl)
        {
            Fetched("cached");
            return new PageResult(_article, null, Cached: true);
        }

        if (_inFlight is { IsCompleted: false } running)
        {
            return await running.WaitAsync(cancellationToken) with { Cached = true };
        }

        // The fetch has its own deadline (Summarizer:Fetch:Timeout) and is not cancelled when this
        // caller leaves: the callers that joined it still wait for it.
        _inFlight = RefreshAsync();
        return await _inFlight.WaitAsync(cancellationToken);
    }

    private async Task<PageResult> RefreshAsync()
    {
        var url = this.GetPrimaryKeyString();
        FetchedPage page;
        try
        {
            page = await fetcher.FetchAsync(url, _article is null ? null : _validators, CancellationToken.None);
        }
        catch (FetchException e)
        {
            Fetched("failed");
            logger.LogInformation("Fetching {Url} failed ({Kind}): {Reason}", url, e.Kind, e.Message);
            return new PageResult(null, new PageFailure(Slug(e.Kind), e.Message, e.UpstreamStatus), Cached: false);
        }

        _checkedAt = time.GetUtcNow();
        _ttl = page.MaxAge is { } maxAge && maxAge < options.Value.CacheTtl ? maxAge : options.Value.CacheTtl;
        if (page.NotModified && _article is not null)
        {
            Fetched("not-modified");
            return new PageResult(_article, null, Cached: true);
        }

        Fetched("fetched");
        _article = await Task.Run(() => Extract(page));
        _validators = page.ETag is null && page.LastModified is null ? null : new FetchValidators(page.ETag, page.LastModified);
        logger.LogInformation("Fetched {Url} ({Bytes} bytes, {Redirects} redirects, {Method})", url, page.Body.Length, page.Redirects, _article.Metadata.Method);
        return new PageResult(_article, null, Cached: false);
    }
    private void Fetched(string outcome) => metrics.Fetches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private PageArticle Extract(FetchedPage page)
    {
        var text = page.DecodeText();
        var fetched = page.FinalUrl.AbsoluteUri;
        if (!page.IsHtml)
        {
            return new PageArticle(text, null, null, new ArticleMetadata(null, null, null, null, null, fetched, "text/plain"), null, null);
        }

        var result = extractor.Extract(text, page.FinalUrl);
        var m = result.Metadata;
        return new PageArticle(result.Text, m.Title, m.Published,
            new ArticleMetadata(m.Byline, m.SiteName, m.Language, m.CanonicalUrl, m.Description, fetched, result.Method),
            result.Rejection?.Reason, result.Rejection?.Detail);
    }

    internal static string Slug(FetchFailureKind kind) => kind switch
    {
        FetchFailureKind.Refused => "url-refused",
        FetchFailureKind.Timeout => "fetch-timeout",
        FetchFailureKind.TooLarge => "too-large",
        FetchFailureKind.UnsupportedContentType => "unsupported-content-type",
        _ => "fetch-failed",
    };
}
