using System.Net;

namespace Summarizer.Fetching.Tests;

public sealed class UrlPolicyTests
{
    private static readonly UrlPolicy Default = new(new AddressClassifier());

    [Theory]
    [InlineData("https://example.com/news/story.html")]
    [InlineData("http://example.com")]
    [InlineData("https://example.com:443/a?b=c#d")]
    [InlineData("http://8.8.8.8/")]
    [InlineData("http://[2606:4700:4700::1111]/")]
    [InlineData("https://bücher.example/")]
    public void Public_http_and_https_urls_on_default_ports_pass(string url) =>
        Assert.True(Default.TryCheck(url, out _, out var reason), reason);

    [Theory]
    [InlineData("ftp://example.com/file", "scheme")]
    [InlineData("file:///etc/passwd", "http")]
    [InlineData("gopher://example.com/", "scheme")]
    [InlineData("javascript:alert(1)", "scheme")]
    [InlineData("/relative/path", "absolute")]
    [InlineData("", "empty")]
    [InlineData("https://user:pass@example.com/", "userinfo")]
    [InlineData("https://user@example.com/", "userinfo")]
    [InlineData("http://example.com:8080/", "Port 8080")]
    [InlineData("https://example.com:80/", "Port 80")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "metadata")]
    [InlineData("http://METADATA.google.internal./", "metadata")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://127.0.0.1/", "loopback")]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("http://100.64.1.1/", "carrier-grade")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://255.255.255.255/", "broadcast")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://[fc00::1]/", "unique local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[::ffff:127.0.0.1]/", "loopback")]
    [InlineData("http://[::ffff:7f00:1]/", "loopback")]
    [InlineData("http://[::ffff:a9fe:a9fe]/", "link-local")]
    [InlineData("http://[64:ff9b::7f00:1]/", "loopback")]
    public void Refused_urls_name_the_reason(string url, string reason)
    {
        Assert.False(Default.TryCheck(url, out _, out var why));
        Assert.Contains(reason, why, StringComparison.OrdinalIgnoreCase);
        var e = Assert.Throws<FetchException>(() => Default.Check(url));
        Assert.Equal(FetchFailureKind.Refused, e.Kind);
    }

    [Theory]
    [InlineData("http://2130706433/")]            // decimal 127.0.0.1
    [InlineData("http://0x7f000001/")]            // hex
    [InlineData("http://0X7F000001/")]
    [InlineData("http://017700000001/")]          // octal
    [InlineData("http://0177.0.0.1/")]            // octal first octet
    [InlineData("http://0x7f.0.0.1/")]            // hex first octet
    [InlineData("http://0x7f.0x0.0x0.0x1/")]
    [InlineData("http://127.1/")]                 // short forms
    [InlineData("http://127.0.1/")]
    [InlineData("http://0x7f.1/")]
    [InlineData("http://127.000.000.001/")]       // zero-padded
    [InlineData("http://127.0.0.1./")]            // trailing dot
    [InlineData("http://2852039166/")]            // decimal 169.254.169.254
    [InlineData("http://0xa9fea9fe/")]
    [InlineData("http://0251.0376.0251.0376/")]
    [InlineData("http://134744072/")]             // decimal 8.8.8.8: refused too, the spelling is the problem
    [InlineData("http://%31%32%37.0.0.1/")]       // percent-encoded
    [InlineData("http://0/")]
    public void Odd_ipv4_spellings_are_refused(string url)
    {
        Assert.False(Default.TryCheck(url, out _, out var why), $"{url} passed");
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Allowed_networks_and_ports_open_a_loopback_server()
    {
        var policy = new UrlPolicy(new AddressClassifier([IPNetwork.Parse("127.0.0.1/32")]), [5123]);
        Assert.True(policy.TryCheck("http://127.0.0.1:5123/page", out _, out var reason), reason);
        Assert.False(policy.TryCheck("http://127.0.0.2:5123/page", out _, out _));
        Assert.False(policy.TryCheck("http://127.0.0.1:5124/page", out _, out _));
        Assert.False(policy.TryCheck("http://2130706433:5123/page", out _, out _));
    }

    [Theory]
    [InlineData("/next", "https://example.com/next")]
    [InlineData("other", "https://example.com/a/other")]
    [InlineData("//cdn.example.org/x", "https://cdn.example.org/x")]
    [InlineData("http://example.net/y", "http://example.net/y")]
    public void Redirect_targets_are_resolved_against_the_current_url(string location, string expected) =>
        Assert.Equal(expected, Default.CheckRedirect(new Uri("https://example.com/a/b"), location).AbsoluteUri);

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("ftp://example.com/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://a:b@example.com/")]
    public void Redirect_targets_are_checked_like_the_first_url(string location) =>
        Assert.Equal(FetchFailureKind.Refused, Assert.Throws<FetchException>(() => Default.CheckRedirect(new Uri("https://example.com/"), location)).Kind);

    [Theory]
    [InlineData("http://example.com/x", "example.com")]
    [InlineData("http://u:p@Example.COM:81/x", "example.com")]
    [InlineData("http://[::1]:80/", "[::1]")]
    [InlineData("http://0x7f.1\\x", "0x7f.1")]
    [InlineData("no scheme", null)]
    public void The_raw_host_is_read_as_written(string url, string? host) => Assert.Equal(host, UrlPolicy.RawHost(url));
}
