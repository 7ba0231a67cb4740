using System.Text;

namespace Summarizer.Extraction.Tests;

public class HtmlDecodingTests
{
    static HtmlDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string encodingName, string meta, string body) =>
        Encoding.GetEncoding(encodingName).GetBytes($"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>");

    [Theory]
    [InlineData("windows-1252", "<meta charset=\"windows-1252\">", "Caf\u00e9 cr\u00e8me \u2013 \u20ac5")]
    [InlineData("windows-1252", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", "M\u00fcller \u00e4\u00f6\u00fc \u2019quoted\u2019")]
    [InlineData("iso-8859-2", "<meta charset=\"iso-8859-2\">", "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144")]
    [InlineData("shift_jis", "<meta charset=\"Shift_JIS\">", "\u65e5\u672c\u8a9e\u306e\u8a18\u4e8b\u3067\u3059")]
    [InlineData("gb18030", "<meta charset=\"gb2312\">", "\u4e2d\u6587\u65b0\u95fb\u62a5\u9053")]
    [InlineData("koi8-r", "<meta charset=\"koi8-r\">", "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f")]
    public void The_meta_charset_decides_the_encoding(string encoding, string meta, string body)
    {
        var text = HtmlDecoding.Decode(Page(encoding, meta, body));

        Assert.Contains(body, text);
    }

    [Fact]
    public void The_content_type_charset_wins_over_sniffing()
    {
        var bytes = Encoding.GetEncoding("shift_jis").GetBytes("<p>\u6771\u4eac\u306e\u5929\u6c17</p>");

        Assert.Contains("\u6771\u4eac\u306e\u5929\u6c17", HtmlDecoding.Decode(bytes, "Shift_JIS"));
    }

    [Fact]
    public void A_byte_order_mark_wins_over_a_wrong_declaration()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>na\u00efve \u2014 caf\u00e9</p>")).ToArray();

        var text = HtmlDecoding.Decode(bytes, "iso-8859-1");

        Assert.Contains("na\u00efve \u2014 caf\u00e9", text);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Undeclared_bytes_that_are_valid_utf8_are_read_as_utf8()
    {
        Assert.Contains("\u00fcber \u00e9t\u00e9", HtmlDecoding.Decode(Encoding.UTF8.GetBytes("<p>\u00fcber \u00e9t\u00e9</p>")));
    }

    [Fact]
    public void Undeclared_bytes_that_are_not_utf8_are_read_as_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<p>\u201cQuoted\u201d caf\u00e9</p>");

        Assert.Contains("\u201cQuoted\u201d caf\u00e9", HtmlDecoding.Decode(bytes));
    }

    [Fact]
    public void A_page_declared_latin1_but_saved_as_utf8_is_not_mojibake()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Gr\u00fc\u00dfe aus K\u00f6ln</p>");

        Assert.Contains("Gr\u00fc\u00dfe aus K\u00f6ln", HtmlDecoding.Decode(bytes));
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<p>\u4f60\u597d world</p>")).ToArray();

        Assert.Contains("\u4f60\u597d world", HtmlDecoding.Decode(bytes));
    }

    [Theory]
    [InlineData("latin1", 1252)]
    [InlineData("US-ASCII", 1252)]
    [InlineData("GBK", 54936)]
    [InlineData("x-sjis", 932)]
    [InlineData("utf8", 65001)]
    public void Labels_are_read_as_browsers_read_them(string label, int codePage)
    {
        Assert.Equal(codePage, HtmlDecoding.ForLabel(label)?.CodePage);
    }

    [Fact]
    public void An_unknown_label_is_no_encoding()
    {
        Assert.Null(HtmlDecoding.ForLabel("no-such-charset"));
    }
}
