using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Summarizer.Extraction;

namespace Summarizer.Fetching.Tests;

/// <summary>Property tests: the URL policy, the address classifier and charset detection take any input without throwing.</summary>
public sealed class ParserPropertyTests
{
    private static readonly UrlPolicy Policy = new(new AddressClassifier());

    private static readonly Gen<string> UrlLike = Gen.OneOf(
        Gen.String,
        Gen.Select(Gen.OneOf<string>("http://", "https://", "ftp://", "HTTP://", "http:\\\\", "//", ""),
            Gen.String[Gen.Char["0123456789abcdefxX.:[]@%/\\?#-_~ ü"], 0, 40],
            Gen.String[Gen.Char.AlphaNumeric, 0, 10],
            (scheme, authority, path) => scheme + authority + "/" + path));

    [Fact]
    public void The_url_policy_never_throws_and_a_passing_url_is_absolute_http() =>
        UrlLike.Sample(url =>
        {
            if (Policy.TryCheck(url, out var uri, out var reason))
            {
                Assert.True(uri.Scheme is "http" or "https", url);
                Assert.True(uri.UserInfo.Length == 0 && uri.IsDefaultPort, url);
            }
            else
            {
                Assert.NotEmpty(reason);
            }
        }, iter: 20_000);

    [Fact]
    public void Redirect_checks_never_throw_anything_but_a_fetch_exception() =>
        UrlLike.Sample(location =>
        {
            try
            {
                Policy.CheckRedirect(new Uri("https://example.com/a/b"), location);
            }
            catch (FetchException)
            {
            }
        }, iter: 10_000);

    [Fact]
    public void Every_decimal_and_hex_spelling_of_an_ipv4_address_is_refused() =>
        Gen.UInt.Sample(n =>
        {
            Assert.False(Policy.TryCheck($"http://{n.ToString(CultureInfo.InvariantCulture)}/", out _, out _), n.ToString(CultureInfo.InvariantCulture));
            Assert.False(Policy.TryCheck($"http://0x{n:x}/", out _, out _), n.ToString("x", CultureInfo.InvariantCulture));
            Assert.False(Policy.TryCheck($"http://0{Convert.ToString(n, 8)}/", out _, out _));
        });

    [Fact]
    public void An_ipv4_address_and_its_ipv6_mapped_nat64_and_6to4_forms_are_judged_alike() =>
        Gen.Byte.Array[4].Sample(v4 =>
        {
            var classifier = new AddressClassifier();
            var refused = classifier.RefusalReason(new IPAddress(v4)) is not null;
            byte[] mapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, .. v4];
            byte[] nat64 = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, .. v4];
            byte[] sixToFour = [0x20, 0x02, .. v4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
            Assert.Equal(refused, classifier.RefusalReason(new IPAddress(mapped)) is not null);
            Assert.Equal(refused, classifier.RefusalReason(new IPAddress(nat64)) is not null);
            Assert.Equal(refused, classifier.RefusalReason(new IPAddress(sixToFour)) is not null);
        });

    [Fact]
    public void The_classifier_takes_any_ipv6_address() =>
        Gen.Byte.Array[16].Sample(v6 => _ = new AddressClassifier().RefusalReason(new IPAddress(v6)));

    [Fact]
    public void Charset_detection_never_throws_on_any_bytes_and_label() =>
        Gen.Select(Gen.Byte.Array[0, 600], Gen.OneOf(Gen.String.Select(s => (string?)s),
            Gen.OneOf<string?>(null, "utf-8", "shift_jis", "gb2312", "iso-8859-2", "windows-1252", "utf-16", "x-user-defined", "replacement")))
        .Sample((bytes, label) => _ = HtmlDecoding.Decode(bytes, label), iter: 5_000);

    [Fact]
    public void Charset_detection_never_throws_on_html_prefixes_with_meta_declarations() =>
        Gen.Select(Gen.OneOf<string>("<meta charset=", "<meta http-equiv=content-type content=\"text/html; charset=", "<?xml version=\"1.0\" encoding=\"", "<meta charset=\""),
                Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.Byte.Array[0, 200])
            .Sample((prefix, label, tail) => _ = HtmlDecoding.Decode([.. Encoding.ASCII.GetBytes(prefix + label + "\">"), .. tail]), iter: 5_000);
}
