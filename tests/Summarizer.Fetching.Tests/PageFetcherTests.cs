using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Summarizer.Testing.PageServers;

namespace Summarizer.Fetching.Tests;

public sealed class PageFetcherTests : IAsyncLifetime
{
    private LoopbackPageServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackPageServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_page_is_fetched_with_a_real_user_agent_and_accept_header()
    {
        _server.Page("/story", "<html><body><p>Hello</p></body></html>");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var page = await fetcher.FetchAsync(_server.Url("/story"), null, CancellationToken.None);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<p>Hello</p>", page.DecodeText());
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("Mozilla/5.0 (compatible; SummarizerBot", request.Headers["User-Agent"]);
        Assert.StartsWith("text/html", request.Headers["Accept"]);
        Assert.Contains("gzip", request.Headers["Accept-Encoding"]);
        Assert.Contains("br", request.Headers["Accept-Encoding"]);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Compressed_pages_are_decompressed(string encoding)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Compressible paragraph text.</p>", 200)) + "</body></html>";
        _server.Page("/zipped", html);
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var page = await fetcher.FetchAsync(_server.Url("/zipped?compress=1"), null, CancellationToken.None);
        Assert.Equal(html, page.DecodeText());
        Assert.Contains(encoding, _server.Requests[0].Headers["Accept-Encoding"]);
    }

    [Theory]
    [InlineData("windows-1252", "text/html; charset=windows-1252", "", "Café “quoted” — naïve €5")]
    [InlineData("iso-8859-1", "text/html", "<meta charset=\"iso-8859-1\">", "Ça coûte très cher, señor")]
    [InlineData("iso-8859-2", "text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">", "Zażółć gęślą jaźń, Łódź")]
    [InlineData("iso-8859-5", "text/html; charset=iso-8859-5", "", "Привет, мир")]
    [InlineData("iso-8859-7", "text/html", "<meta charset=iso-8859-7>", "Καλημέρα κόσμε")]
    [InlineData("shift_jis", "text/html", "<meta charset=\"Shift_JIS\">", "日本語のニュース記事です。")]
    [InlineData("gb18030", "text/html", "<meta http-equiv=\"content-type\" content=\"text/html;charset=gb2312\">", "中文新闻报道，北京。")]
    [InlineData("gb18030", "text/html; charset=GB18030", "", "中文新闻报道，𠀀。")]
    [InlineData("utf-8", "text/html", "", "Undeclared UTF-8: Zürich, Kraków, 東京")]
    public async Task Pages_in_other_charsets_are_decoded_without_mojibake(string encoding, string contentType, string meta, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = $"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>";
        _server.Page("/charset", Encoding.GetEncoding(encoding).GetBytes(html), contentType);
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var page = await fetcher.FetchAsync(_server.Url("/charset"), null, CancellationToken.None);
        Assert.Contains($"<p>{text}</p>", page.DecodeText());
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_wins()
    {
        _server.Page("/bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("<p>Ünïcödé</p>")], "text/html; charset=iso-8859-1");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        Assert.Equal("<p>Ünïcödé</p>", (await fetcher.FetchAsync(_server.Url("/bom"), null, CancellationToken.None)).DecodeText());
    }

    [Fact]
    public async Task A_redirect_chain_is_followed_to_the_page_with_relative_and_absolute_locations()
    {
        _server.Redirect("/a", "/b", 301).Redirect("/b", "c", 307).Redirect("/c", _server.Url("/final"), 308).Page("/final", "<p>done</p>");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var page = await fetcher.FetchAsync(_server.Url("/a"), null, CancellationToken.None);
        Assert.Equal(_server.Url("/final"), page.FinalUrl.AbsoluteUri);
        Assert.Equal(3, page.Redirects);
    }

    [Fact]
    public async Task Five_redirects_are_followed_and_a_sixth_fails()
    {
        for (var i = 0; i < 6; i++)
        {
            _server.Redirect($"/r{i}", $"/r{i + 1}");
        }

        _server.Page("/r5", "<p>five</p>").Page("/r6", "<p>six</p>");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        Assert.Equal(5, (await fetcher.FetchAsync(_server.Url("/r0"), null, CancellationToken.None)).Redirects);
        _server.Redirect("/r5", "/r6");
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/r0"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Failed, e.Kind);
        Assert.Contains("more than 5", e.Message);
        Assert.Equal(0, _server.Hits("/r6"));
    }

    [Fact]
    public async Task A_redirect_loop_fails()
    {
        _server.Redirect("/ping", "/pong").Redirect("/pong", "/ping");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/ping"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Failed, e.Kind);
        Assert.Equal(6, _server.Hits("/ping") + _server.Hits("/pong"));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://metadata.google.internal/")]
    [InlineData("ftp://example.com/")]
    public async Task A_redirect_to_a_refused_address_is_refused_without_following(string target)
    {
        _server.Redirect("/out", target);
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/out"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Refused, e.Kind);
        Assert.Contains("redirect", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_redirect_to_loopback_on_another_port_is_refused_when_the_port_is_not_allowed()
    {
        _server.Redirect("/hop", "http://127.0.0.1:1/");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/hop"), null, CancellationToken.None));
        Assert.Contains("Port 1 ", e.Message);
    }

    [Fact]
    public async Task The_loopback_server_itself_is_refused_without_a_connection_unless_its_network_is_allowed()
    {
        _server.Page("/p", "<p>x</p>");
        var (fetcher, services) = TestFetchers.For(_server, allowLoopback: false);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/p"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Refused, e.Kind);
        Assert.Contains("loopback", e.Message);
        Assert.Equal(0, _server.Connections);
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_at_connect_time_without_connecting()
    {
        _server.Page("/p", "<p>x</p>");
        var resolver = new TableResolver(new() { ["news.example"] = [IPAddress.Loopback] });
        var (fetcher, services) = TestFetchers.For(_server, allowLoopback: false, resolver: resolver);
        await using var _ = services;
        var url = $"http://news.example:{_server.BaseAddress.Port}/p";
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url, null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Refused, e.Kind);
        Assert.Contains("resolves to 127.0.0.1", e.Message);
        Assert.Equal(1, resolver.Lookups);
        Assert.Equal(0, _server.Connections);
    }

    [Fact]
    public async Task A_name_with_one_public_and_one_internal_address_is_refused()
    {
        var resolver = new TableResolver(new() { ["mixed.example"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("::ffff:127.0.0.1")] });
        var (fetcher, services) = TestFetchers.For(_server, allowLoopback: false, resolver: resolver);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync($"http://mixed.example:{_server.BaseAddress.Port}/", null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Refused, e.Kind);
        Assert.Equal(0, _server.Connections);
    }

    [Fact]
    public async Task A_name_resolving_to_an_allowed_network_is_connected_to()
    {
        _server.Page("/p", "<p>named</p>");
        var resolver = new TableResolver(new() { ["intranet.example"] = [IPAddress.Loopback] });
        var (fetcher, services) = TestFetchers.For(_server, resolver: resolver);
        await using var _ = services;
        var page = await fetcher.FetchAsync($"http://intranet.example:{_server.BaseAddress.Port}/p", null, CancellationToken.None);
        Assert.Contains("named", page.DecodeText());
        Assert.Equal(1, _server.Connections);
    }

    [Fact]
    public async Task An_unresolvable_name_is_a_fetch_failure()
    {
        var (fetcher, services) = TestFetchers.For(_server, resolver: new TableResolver([]));
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync($"http://nowhere.example:{_server.BaseAddress.Port}/", null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Failed, e.Kind);
        Assert.Contains("DNS", e.Message);
    }

    [Theory]
    [InlineData("https://user:pw@127.0.0.1:{port}/p")]
    [InlineData("ftp://127.0.0.1:{port}/p")]
    [InlineData("http://2130706433:{port}/p")]
    [InlineData("http://0x7f000001:{port}/p")]
    [InlineData("http://0177.0.0.1:{port}/p")]
    [InlineData("http://127.1:{port}/p")]
    [InlineData("http://[::1]:{port}/p")]
    [InlineData("http://127.0.0.1:1/p")]
    public async Task Every_refused_url_class_is_refused_without_a_connection(string template)
    {
        _server.Page("/p", "<p>x</p>");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var url = template.Replace("{port}", _server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url, null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Refused, e.Kind);
        Assert.Equal(0, _server.Connections);
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_too_large()
    {
        _server.Page("/big", new byte[20_000]);
        var (fetcher, services) = TestFetchers.For(_server, settings: new Dictionary<string, string?> { ["Summarizer:Fetch:MaxBodyBytes"] = "10000" });
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/big"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.TooLarge, e.Kind);
    }

    [Fact]
    public async Task An_endless_body_is_cut_off_at_the_limit_while_streaming()
    {
        var sent = 0L;
        _server.Map("/endless", async c =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>more</p>", 1000)));
            while (!c.RequestAborted.IsCancellationRequested)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                Interlocked.Add(ref sent, chunk.Length);
            }
        });
        var (fetcher, services) = TestFetchers.For(_server, settings: new Dictionary<string, string?> { ["Summarizer:Fetch:MaxBodyBytes"] = "100000" });
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/endless"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.TooLarge, e.Kind);
        Assert.Contains("100000", e.Message);
    }

    [Fact]
    public async Task A_slow_drip_past_the_time_limit_is_a_timeout()
    {
        _server.Map("/drip", async c =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.StartAsync(c.RequestAborted);
            while (!c.RequestAborted.IsCancellationRequested)
            {
                await c.Response.Body.WriteAsync("<p>."u8.ToArray(), c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(100, c.RequestAborted);
            }
        });
        var (fetcher, services) = TestFetchers.For(_server, settings: new Dictionary<string, string?> { ["Summarizer:Fetch:Timeout"] = "00:00:01" });
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/drip"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Timeout, e.Kind);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        _server.Map("/hang", c => Task.Delay(Timeout.Infinite, c.RequestAborted));
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(_server.Url("/hang"), null, cts.Token));
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    [InlineData("application/json")]
    public async Task A_wrong_content_type_is_unsupported(string contentType)
    {
        _server.Page("/file", [1, 2, 3], contentType);
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/file"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.UnsupportedContentType, e.Kind);
        Assert.Contains(contentType, e.Message);
    }

    [Fact]
    public async Task Plain_text_and_xhtml_are_accepted()
    {
        _server.Page("/t", "just text", "text/plain; charset=utf-8").Page("/x", "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "application/xhtml+xml");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var text = await fetcher.FetchAsync(_server.Url("/t"), null, CancellationToken.None);
        Assert.False(text.IsHtml);
        Assert.True((await fetcher.FetchAsync(_server.Url("/x"), null, CancellationToken.None)).IsHtml);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_upstream_error_status_is_a_fetch_failure_with_the_status(int status)
    {
        _server.Map("/err", c =>
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/err"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Failed, e.Kind);
        Assert.Equal(status, e.UpstreamStatus);
    }

    [Fact]
    public async Task A_connection_reset_mid_body_is_a_fetch_failure()
    {
        _server.Map("/reset", async c =>
        {
            c.Response.ContentType = "text/html";
            c.Response.ContentLength = 10_000;
            await c.Response.Body.WriteAsync(new byte[100]);
            await c.Response.Body.FlushAsync();
            c.Abort();
        });
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/reset"), null, CancellationToken.None));
        Assert.Equal(FetchFailureKind.Failed, e.Kind);
    }

    [Fact]
    public async Task Validators_are_sent_and_a_304_is_not_modified()
    {
        _server.ConditionalPage("/cond", "<p>v1</p>", "\"v1\"", lastModified: "Tue, 01 Dec 2026 10:00:00 GMT");
        var (fetcher, services) = TestFetchers.For(_server);
        await using var _ = services;
        var first = await fetcher.FetchAsync(_server.Url("/cond"), null, CancellationToken.None);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), first.LastModified);
        var second = await fetcher.FetchAsync(_server.Url("/cond"), new FetchValidators(first.ETag, first.LastModified), CancellationToken.None);
        Assert.True(second.NotModified);
        Assert.Equal("Tue, 01 Dec 2026 10:00:00 GMT", _server.Requests[1].Headers["If-Modified-Since"]);
    }
}
