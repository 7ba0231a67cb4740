using System.Globalization;
using System.Text;
using System.Text.Json;
using Summarizer.Eval.Fuzz;

namespace Summarizer.Eval.HttpFuzz;

/// <summary>
/// One request of the HTTP fuzz: its bytes, what it tries, and what a correct server may do with it.
/// <paramref name="HalfClose"/>: the request is sent and the socket's sending side closed (a body cut
/// short); <paramref name="MayClose"/>: closing the connection without an answer is acceptable
/// (a cut request, bytes that are not HTTP/1.x at all). <paramref name="ArticleText"/>: the text of a
/// mutated article whose digest's quotes are checked against the stored text. <paramref name="UnknownVersion"/>:
/// the request line names an HTTP version the server does not speak, where 505 is the answer RFC 9110
/// (15.6.6) prescribes: the one 5xx the fuzz accepts, counted apart.
/// </summary>
public sealed record HttpFuzzCase(int Index, string Kind, string Description, string Method, byte[] Bytes,
    bool HalfClose = false, bool MayClose = false, string? ArticleText = null, bool UnknownVersion = false);

/// <summary>What the generator needs from the running service: stored ids, a collection id, and the canary port refused URLs point at.</summary>
public sealed record HttpFuzzTargets(string Host, IReadOnlyList<string> ArticleIds, string CollectionId, int CanaryPort);

/// <summary>
/// Deterministic hostile and malformed requests over every route, method, content type, header and
/// parameter of the API, plus mutated real articles (<see cref="ArticleMutator"/>). Case <c>i</c>
/// of seed <c>s</c> is the same bytes on every machine, so a failure is reproduced with
/// <c>--seed s --only i</c>.
/// </summary>
public sealed class HttpFuzzCases
{
    private const string UnknownId = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "G\u00c9T", "FOO-BAR", "M-SEARCH"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "text/plain; charset=utf-8", "text/html", "text/html; charset=windows-1252",
        "text/plain; charset=utf-7", "text/plain; charset=shift_jis", "text/plain; charset=ibm037", "text/plain; charset=utf-16", "text/plain; charset=utf-16be",
        "text/plain; charset=utf-32", "text/plain; charset=x-unknown", "text/plain; charset=", "text/plain; charset=\"utf-8", "text/plain;;;", "text/plain; charset=iso-2022-jp",
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
        "application/xml", "application/octet-stream", "*/*", "text/*", "TEXT/PLAIN; CHARSET=UTF-8", "application/problem+json", "application/merge-patch+json",
        "text/event-stream", "image/png", "\u0001\u0002", "text/plain; charset=" + new string('x', 3000), "application/json; foo=bar; charset=utf-8; charset=ascii", "",
    ];

    private static readonly string[] HostileValues =
    [
        "", " ", "short", "medium", "long", "SHORT", "huge", "-1", "0", "1", "50", "51", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10",
        "1.5", "NaN", "null", "true", "[]", "{}", "%00", "%ff", "%c0%ae", "%e2%80%ae", "\u00e9", "😀", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
        "${jndi:ldap://x}", "%0d%0aSet-Cookie:%20x=1", "extractive", "EXTRACTIVE", "extractive ", "nope", "openai", new string('a', 300), new string('b', 6000),
    ];

    private static readonly string[] JsonBodies =
    [
        "", " ", "{", "}", "[]", "null", "true", "\"text\"", "123", "{}", "{\"text\": null}", "{\"text\": \"\"}", "{\"text\": \"   \"}", "{\"text\": 5}",
        "{\"text\": [\"a\"]}", "{\"text\": {\"a\": 1}}", "{\"text\":\"One. Two.\",\"html\":\"<p>x</p>\"}", "{\"text\":\"One. Two.\",\"url\":\"http://example.com/\"}",
        "{\"html\": \"\"}", "{\"html\": \"<p>\"}", "{\"url\": \"\"}", "{\"url\": 5}", "{\"text\":\"It rained. \\\"We stayed,\\\" she said.\",\"maxQuotes\":-1}",
        "{\"text\":\"It rained. It stopped.\",\"maxQuotes\":1e400}", "{\"text\":\"It rained. It stopped.\",\"maxQuotes\":2147483648}", "{\"text\":\"It rained. It stopped.\",\"maxQuotes\":\"3\"}",
        "{\"text\":\"It rained. It stopped.\",\"maxQuotes\":1.5}", "{\"text\":\"It rained. It stopped.\",\"length\":\"huge\"}", "{\"text\":\"It rained. It stopped.\",\"length\":5}",
        "{\"text\":\"It rained. It stopped.\",\"backend\":\"nope\"}", "{\"text\":\"It rained. It stopped.\",\"backend\":\"\"}", "{\"text\":\"It rained. It stopped.\",\"backend\":null}",
        "{\"text\":\"It rained. It stopped.\",\"title\":5}", "{\"text\":\"It rained.\",\"text\":\"It snowed.\"}", "{\"TEXT\":\"It rained. It stopped.\"}",
        "{\"text\":\"It rained. It stopped.\",}", "{\"text\":\"It rained. It stopped.\" /* c */}", "{'text':'It rained.'}", "{\"text\":\"\\ud800\\udc00\\ud800 It rained.\"}",
        "{\"text\":\"\\u0000\\u0001\\ufffe\\uffff It rained. It stopped.\"}", "{\"text\":\"\\uFEFFIt rained.\\u2028It stopped.\\u0085\"}", "{\"text\":\"\\\"\\\"\\\"\\\"\\\"\"}",
        "{\"text\":\"It rained. It stopped.\"} trailing", "{\"text\":\"It rained. It stopped.\"}{\"text\":\"x\"}", "\uFEFF{\"text\":\"It rained. It stopped.\"}",
        "{\"text\":\"It rained. It stopped.\",\"extra\":{\"deep\":[1,2,{\"x\":null}]}}", "{\"text\":NaN}", "{\"text\":\"It rained.\\x\"}", "{\"text\":\"unterminated",
        "{\"articles\": null}", "{\"articles\": []}", "{\"articles\": [null]}", "{\"articles\": [{}]}", "{\"articles\": [5]}", "{\"articles\": \"x\"}",
        "{\"articles\": [{\"id\": \"" + UnknownId + "\"}]}", "{\"articles\": [{\"id\": \"../x\"}]}", "{\"articles\": [{\"id\": \"x\", \"text\": \"y\"}]}",
        "{\"articles\": [{\"text\": \"It rained. It stopped.\"}], \"maxQuotes\": -5}", "{\"articles\": [{\"text\": \"It rained. It stopped.\"}], \"length\": \"long\", \"backend\": \"nope\"}",
        "{\"articles\": [{\"text\": \"It rained. It stopped.\", \"title\": null}, {\"html\": \"<p>no</p>\"}]}",
        "{\"text\":\"It rained. It stopped.\",\"verify\":\"lenient\"}", "{\"text\":\"It rained. It stopped.\",\"verify\":5}", "{\"text\":\"It rained. It stopped.\",\"verify\":null}",
        "{\"text\":\"It rained. It stopped.\",\"verify\":[\"strict\"]}", "{\"text\":\"It rained. It stopped.\",\"verify\":\"STRICT\"}", "{\"text\":\"It rained. It stopped.\",\"verify\":\"strict\\u0000\"}",
        "{\"text\":\"It rained. It stopped.\",\"verify\":\"" + new string('s', 5000) + "\"}", "{\"text\":\"It rained. It stopped.\",\"verify\":{\"a\":1}}",
    ];

    private readonly int _seed;
    private readonly HttpFuzzTargets _targets;
    private readonly ArticleMutator _mutator;
    private readonly IReadOnlyList<(string Id, string Text)> _articles;

    public HttpFuzzCases(int seed, HttpFuzzTargets targets, IReadOnlyList<(string Id, string Text)> articles)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(articles);
        _seed = seed;
        _targets = targets;
        _articles = articles;
        _mutator = new ArticleMutator(articles);
    }

    /// <summary>The kinds of case, in the order <see cref="Build"/> cycles through them (so every kind gets its share).</summary>
    public static readonly string[] Kinds = ["route", "query", "content-type", "json", "headers", "framing", "request-line", "article", "article", "url", "collection", "id"];

#pragma warning disable CA5394 // a seeded, reproducible generator is the point; nothing here is secret
    public HttpFuzzCase Build(int index)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var kind = Kinds[index % Kinds.Length];
        return kind switch
        {
            "route" => Route(index, random),
            "query" => Query(index, random),
            "content-type" => ContentType(index, random),
            "json" => Json(index, random),
            "headers" => Headers(index, random),
            "framing" => Framing(index, random),
            "request-line" => RequestLine(index, random),
            "article" => Article(index, random),
            "url" => Url(index, random),
            "collection" => Collection(index, random),
            _ => Id(index, random),
        };
    }

    private string StoredId(Random random) => _targets.ArticleIds[random.Next(_targets.ArticleIds.Count)];

    private string AnyPath(Random random)
    {
        var id = random.Next(4) switch { 0 => UnknownId, 1 => HostileId(random, escaped: true), _ => StoredId(random) };
        var collection = random.Next(3) == 0 ? UnknownId : _targets.CollectionId;
        string[] paths =
        [
            "/", "/collections", "/index.html", "/site.css", "/v1", "/v1/", "/v1/digests", "/v1/articles", $"/v1/articles/{id}", $"/v1/articles/{id}/text",
            $"/v1/articles/{id}/brief", $"/v1/articles/{id}/brief/stream", $"/v1/articles/{id}/quotes", "/v1/collections", $"/v1/collections/{collection}",
            $"/v1/collections/{collection}/stream", "/v1/cluster", "/healthz", "/readyz", "/metrics", "/openapi/v1.json", "/v1/usage", "/dashboard", "/docs",
            "/v1/digests/", "//v1//digests", "/V1/DIGESTS", "/v1/articles/../cluster", "/v1/%61rticles", $"/v1/articles/{id}/brief/stream/more", "/nope", "/v1/articles/%2e%2e/%2e%2e",
        ];
        return paths[random.Next(paths.Length)];
    }

    private HttpFuzzCase Route(int index, Random random)
    {
        var method = Methods[random.Next(Methods.Length)];
        var path = AnyPath(random);
        var withBody = random.Next(2) == 0;
        var (contentType, body) = withBody ? (ContentTypes[random.Next(ContentTypes.Length)], Encoding.UTF8.GetBytes(JsonBodies[random.Next(JsonBodies.Length)])) : (null, null);
        var headers = new List<string>();
        if (contentType is not null)
        {
            headers.Add("Content-Type: " + contentType);
        }

        if (method == "OPTIONS" && random.Next(2) == 0)
        {
            headers.Add("Origin: https://evil.example");
            headers.Add("Access-Control-Request-Method: POST");
        }

        return new HttpFuzzCase(index, "route", $"{method} {path}{(withBody ? $" ({contentType}, {body!.Length} B)" : "")}", method,
            Request(method, path, headers, body));
    }

    private HttpFuzzCase Query(int index, Random random)
    {
        var id = StoredId(random);
        string[] bases = [$"/v1/articles/{id}/brief", $"/v1/articles/{id}/brief/stream", $"/v1/articles/{id}/quotes", $"/v1/collections/{_targets.CollectionId}", $"/v1/articles/{id}"];
        string[] names = ["length", "backend", "max", "maxQuotes", "verify", "VERIFY", "verify[]", "LENGTH", "length[]", "", "x", "%00", "length%00"];
        var path = bases[random.Next(bases.Length)];
        var parts = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var value = HostileValues[random.Next(HostileValues.Length)];
            var encoded = random.Next(3) == 0 ? value.Replace(" ", "%20", StringComparison.Ordinal) : Uri.EscapeDataString(value);
            parts.Add(names[random.Next(names.Length)] + (random.Next(8) == 0 ? "" : "=" + encoded));
        }

        var query = string.Join(random.Next(6) == 0 ? ";" : "&", parts);
        var target = path + "?" + query + (random.Next(8) == 0 ? "#frag" : "");
        return new HttpFuzzCase(index, "query", "GET " + Bound(target), "GET", Request("GET", target, [], null));
    }

    private HttpFuzzCase ContentType(int index, Random random)
    {
        var path = Pick(random, "/v1/digests", "/v1/articles", "/v1/collections");
        var contentType = ContentTypes[random.Next(ContentTypes.Length)];
        var text = random.Next(3) == 0 ? JsonBodies[random.Next(JsonBodies.Length)] : Excerpt(random);
        var body = random.Next(6) switch
        {
            0 => Encoding.Unicode.GetBytes(text),
            1 => Encoding.Latin1.GetBytes(text),
            2 => [.. Encoding.UTF8.GetBytes(text), 0xC3, 0x28, 0xFF, 0xFE, 0x00, 0xED, 0xA0, 0x80],
            3 => RandomBytes(random, random.Next(1, 2000)),
            _ => Encoding.UTF8.GetBytes(text),
        };
        if (random.Next(5) == 0)
        {
            body = [.. Pick<byte[]>(random, [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x2B, 0x2F, 0x76, 0x38]), .. body];
        }

        return new HttpFuzzCase(index, "content-type", $"POST {path} Content-Type: {Bound(contentType)} ({body.Length} B)", "POST",
            Request("POST", path, contentType.Length == 0 ? [] : ["Content-Type: " + contentType], body));
    }

    private HttpFuzzCase Json(int index, Random random)
    {
        var path = Pick(random, "/v1/digests", "/v1/articles", "/v1/collections");
        string body;
        string what;
        switch (random.Next(6))
        {
            case 0:
                var depth = random.Next(60, 200_000);
                body = "{\"text\":" + new string('[', depth) + new string(']', random.Next(2) == 0 ? depth : 0) + "}";
                what = $"nesting {depth}";
                break;
            case 1:
                var length = random.Next(400, 1_500_000);
                body = JsonSerializer.Serialize(new { text = "It rained. It stopped.", title = new string('T', length) });
                what = $"title of {length} chars";
                break;
            case 2:
                var name = new string('n', random.Next(100, 200_000));
                body = JsonSerializer.Serialize(new { text = "It rained. It stopped.", backend = name });
                what = $"backend name of {name.Length} chars";
                break;
            case 3:
                body = "{\"text\":\"" + new string('9', random.Next(1, 400_000)) + "\",\"maxQuotes\":" + new string('9', random.Next(1, 5000)) + "}";
                what = "long digits";
                break;
            default:
                body = JsonBodies[random.Next(JsonBodies.Length)];
                what = Bound(body);
                break;
        }

        return new HttpFuzzCase(index, "json", $"POST {path} {what}", "POST", Request("POST", path, ["Content-Type: application/json"], Encoding.UTF8.GetBytes(body)));
    }

    private HttpFuzzCase Headers(int index, Random random)
    {
        var path = Pick(random, "/v1/digests", "/v1/articles", $"/v1/articles/{StoredId(random)}", $"/v1/articles/{StoredId(random)}/brief", "/v1/collections", "/healthz");
        var method = path is "/v1/digests" or "/v1/articles" or "/v1/collections" ? "POST" : "GET";
        var body = method == "POST" ? Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = Excerpt(random) })) : null;
        var headers = new List<string> { "Content-Type: application/json" };
        var picks = random.Next(1, 4);
        var names = new List<string>();
        for (var i = 0; i < picks; i++)
        {
            var (name, lines) = HostileHeader(random);
            names.Add(name);
            headers.AddRange(lines);
        }

        return new HttpFuzzCase(index, "headers", $"{method} {path} with {string.Join(", ", names)}", method, Request(method, path, headers, body));
    }

    private static (string Name, string[] Lines) HostileHeader(Random random)
    {
        switch (random.Next(24))
        {
            case 0: return ("a 40 KB header", ["X-Big: " + new string('x', 40_000)]);
            case 1: return ("120 headers", [.. Enumerable.Range(0, 120).Select(i => $"X-H{i}: {i}")]);
            case 2: return ("8 KB cookie", ["Cookie: " + string.Join("; ", Enumerable.Range(0, 800).Select(i => $"c{i}=v"))]);
            case 3: return ("Expect: 100-continue", ["Expect: 100-continue"]);
            case 4: return ("Expect: bogus", ["Expect: bogus"]);
            case 5: return ("Accept: application/xml", ["Accept: application/xml"]);
            case 6: return ("Accept: text/event-stream", ["Accept: text/event-stream"]);
            case 7: return ("Accept-Charset: utf-7", ["Accept-Charset: utf-7", "Accept-Language: xx;q=2"]);
            case 8: return ("Range", ["Range: bytes=5-1,0-"]);
            case 9: return ("If-None-Match", ["If-None-Match: *", "If-Modified-Since: yesterday"]);
            case 10: return ("Origin", ["Origin: https://evil.example"]);
            case 11: return ("Authorization", ["Authorization: Bearer " + new string('k', 500), "X-Api-Key: \u00e9"]);
            case 12: return ("X-Forwarded-For", ["X-Forwarded-For: ::1, 999.1.1.1, <script>", "X-Forwarded-Host: evil", "Forwarded: for=\"[::1]\";proto=gopher"]);
            case 13: return ("Content-Encoding: gzip", ["Content-Encoding: gzip"]);
            case 14: return ("Connection: Upgrade", ["Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: x"]);
            case 15: return ("Upgrade: h2c", ["Upgrade: h2c", "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA"]);
            case 16: return ("header without a colon", ["NoColonHere"]);
            case 17: return ("header name with a space", ["Bad Name: x"]);
            case 18: return ("obs-fold", ["X-Folded: a", " continued"]);
            case 19: return ("control bytes in a value", ["X-Ctl: a\u0001\u007fb"]);
            case 20: return ("non-ASCII value", ["X-Utf8: \u00e9\u4e2d\u6587", "User-Agent: \u00ff\u00fe"]);
            case 21: return ("traceparent garbage", ["traceparent: 00-zz-yy-01", "tracestate: " + new string(',', 600), "baggage: " + new string('=', 600)]);
            case 22: return ("Content-Type twice", ["Content-Type: text/plain"]);
            default: return ("empty header value", ["X-Empty:", "Accept:"]);
        }
    }

    private HttpFuzzCase Framing(int index, Random random)
    {
        var path = Pick(random, "/v1/digests", "/v1/articles", "/v1/collections");
        var body = Encoding.UTF8.GetBytes(Excerpt(random));
        var host = _targets.Host;
        var head = $"POST {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: text/plain\r\n";
        string what;
        byte[] bytes;
        var halfClose = false;
        var mayClose = false;
        switch (random.Next(14))
        {
            case 0:
                what = "Content-Length larger than the body (cut short)";
                bytes = Join(head + $"Content-Length: {body.Length + random.Next(1, 5000)}\r\n\r\n", body);
                halfClose = true;
                mayClose = true;
                break;
            case 1:
                what = "Content-Length smaller than the body";
                bytes = Join(head + $"Content-Length: {random.Next(0, body.Length)}\r\n\r\n", body);
                break;
            case 2:
                what = "two different Content-Lengths";
                bytes = Join(head + $"Content-Length: {body.Length}\r\nContent-Length: {body.Length + 1}\r\n\r\n", body);
                break;
            case 3:
                what = "Content-Length not a number";
                bytes = Join(head + Pick(random, "Content-Length: -1", "Content-Length: 1e3", "Content-Length: 99999999999999999999999", "Content-Length: 12, 12", "Content-Length: ") + "\r\n\r\n", body);
                break;
            case 4:
                what = "chunk size overflows";
                bytes = Join(head + "Transfer-Encoding: chunked\r\n\r\n" + Pick(random, "FFFFFFFFFFFFFFFFFFFF", "7FFFFFFFFFFFFFFF", "-1", "zz", "0x10", "1 0") + "\r\n", body, "\r\n0\r\n\r\n");
                break;
            case 5:
                what = "chunk longer than its size";
                bytes = Join(head + "Transfer-Encoding: chunked\r\n\r\n" + "3\r\n", body, "\r\n0\r\n\r\n");
                break;
            case 6:
                what = "chunked without the last chunk (cut short)";
                bytes = Join(head + "Transfer-Encoding: chunked\r\n\r\n" + $"{body.Length:X}\r\n", body, "\r\n");
                halfClose = true;
                mayClose = true;
                break;
            case 7:
                what = "Transfer-Encoding and Content-Length";
                bytes = Join(head + $"Content-Length: {body.Length}\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:X}\r\n", body, "\r\n0\r\n\r\n");
                break;
            case 8:
                what = "Transfer-Encoding other than chunked";
                bytes = Join(head + Pick(random, "Transfer-Encoding: gzip", "Transfer-Encoding: chunked, gzip", "Transfer-Encoding: identity", "Transfer-Encoding: xchunked") + "\r\n\r\n", body);
                halfClose = true;
                mayClose = true;
                break;
            case 9:
                what = "chunk extension and trailers";
                bytes = Join(head + "Transfer-Encoding: chunked\r\n\r\n" + $"{body.Length:X};name={new string('e', random.Next(1, 9000))}\r\n", body, "\r\n0\r\nX-Trailer: " + new string('t', random.Next(1, 9000)) + "\r\n\r\n");
                break;
            case 10:
                what = "valid chunked body in many small chunks";
                bytes = Join(head + "Transfer-Encoding: chunked\r\n\r\n", Chunks(body, random.Next(1, 64)), "0\r\n\r\n");
                break;
            case 11:
                what = "no Content-Length and no Transfer-Encoding on POST";
                bytes = Join(head + "\r\n", body);
                break;
            case 12:
                what = "body over MaxBodyBytes";
                var big = new byte[(2 * 1024 * 1024) + random.Next(1, 300_000)];
                Array.Fill(big, (byte)'a');
                bytes = Join(head + $"Content-Length: {big.Length}\r\n\r\n", big);
                break;
            default:
                what = "pipelined second request";
                bytes = Join(head + $"Content-Length: {body.Length}\r\n\r\n", body, $"GET /v1/articles/{UnknownId} HTTP/1.1\r\nHost: {host}\r\n\r\n");
                break;
        }

        return new HttpFuzzCase(index, "framing", $"POST {path} {what}", "POST", bytes, halfClose, mayClose);
    }

    private HttpFuzzCase RequestLine(int index, Random random)
    {
        var host = _targets.Host;
        var headers = $"Host: {host}\r\nConnection: close\r\n\r\n";
        var mayClose = false;
        var unknownVersion = false;
        string what;
        byte[] bytes;
        switch (random.Next(18))
        {
            case 0: what = "URI of 10 KB"; bytes = Encoding.ASCII.GetBytes($"GET /v1/articles/{new string('a', 10_000)} HTTP/1.1\r\n" + headers); break;
            case 1: what = "query of 7 KB"; bytes = Encoding.ASCII.GetBytes($"GET /v1/articles/{StoredId(random)}/brief?length={new string('s', 7000)} HTTP/1.1\r\n" + headers); break;
            case 2: what = "HTTP/1.0 without Host"; bytes = Encoding.ASCII.GetBytes($"GET /v1/articles/{StoredId(random)} HTTP/1.0\r\n\r\n"); break;
            case 3: what = "HTTP/1.1 without Host"; bytes = Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"); break;
            case 4: what = "two Host headers"; bytes = Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: {host}\r\nHost: evil\r\nConnection: close\r\n\r\n"); break;
            case 5: what = "unknown version"; unknownVersion = true; bytes = Encoding.ASCII.GetBytes($"GET /healthz {Pick(random, "HTTP/1.2", "HTTP/2.0", "HTTP/9.9", "HTTP/1", "http/1.1", "HTTP/1.1 extra", "XYZ/1.1")}\r\n" + headers); break;
            case 6: what = "no version"; bytes = Encoding.ASCII.GetBytes("GET /healthz\r\n" + headers); break;
            case 7: what = "absolute-form target"; bytes = Encoding.ASCII.GetBytes($"GET http://{Pick(random, host, "evil.example", "127.0.0.1:1")}/v1/cluster HTTP/1.1\r\n" + headers); break;
            case 8: what = "asterisk target"; bytes = Encoding.ASCII.GetBytes($"{Pick(random, "OPTIONS", "GET")} * HTTP/1.1\r\n" + headers); break;
            case 9: what = "CONNECT authority"; bytes = Encoding.ASCII.GetBytes($"CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + headers); break;
            case 10: what = "bare LF line ends"; bytes = Encoding.ASCII.GetBytes($"GET /v1/articles/{StoredId(random)} HTTP/1.1\nHost: {host}\nConnection: close\n\n"); break;
            case 11: what = "NUL in the target"; bytes = Encoding.ASCII.GetBytes($"GET /v1/articles/\0x HTTP/1.1\r\n" + headers); break;
            case 12: what = "non-ASCII bytes in the target"; bytes = Join("GET /v1/articles/", [0xC3, 0xA9, 0xFF, 0x80], " HTTP/1.1\r\n" + headers); break;
            case 13: what = "extra spaces"; bytes = Encoding.ASCII.GetBytes("GET  /healthz  HTTP/1.1\r\n" + headers); break;
            case 14: what = "HTTP/2 preface"; bytes = Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"); mayClose = true; break;
            case 15: what = "TLS ClientHello"; bytes = [0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03, .. RandomBytes(random, 160)]; mayClose = true; break;
            case 16: what = "random bytes"; bytes = RandomBytes(random, random.Next(1, 4000)); mayClose = true; break;
            default: what = "percent-encoding broken"; bytes = Encoding.ASCII.GetBytes($"GET /v1/articles/%zz%{Pick(random, "", "4", "c0%af")}/brief?length=%%% HTTP/1.1\r\n" + headers); break;
        }

        // Bytes that are not HTTP/1.x may never finish a request line: the sending side is closed after
        // them, as a client that gave up would, so waiting for more is not counted as a hang.
        return new HttpFuzzCase(index, "request-line", what, "GET", bytes, HalfClose: mayClose, MayClose: mayClose, UnknownVersion: unknownVersion);
    }

    private HttpFuzzCase Article(int index, Random random)
    {
        var mutant = _mutator.Mutate(unchecked((_seed * 7919) + index));
        var path = random.Next(3) == 0 ? "/v1/articles" : "/v1/digests";
        var description = $"POST {path} mutant of {mutant.SourceId} ({string.Join("; ", mutant.Mutations.Take(3))})";
        switch (random.Next(4))
        {
            case 0:
                return new HttpFuzzCase(index, "article", description + " as text/plain", "POST",
                    Request("POST", path, ["Content-Type: text/plain; charset=utf-8"], Encoding.UTF8.GetBytes(mutant.Text)), ArticleText: path == "/v1/digests" ? mutant.Text : null);
            case 1:
                var html = "<html><head><title>" + System.Net.WebUtility.HtmlEncode(mutant.SourceId) + "</title></head><body><article>"
                    + string.Concat(mutant.Text.Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</article></body></html>";
                return new HttpFuzzCase(index, "article", description + " as text/html", "POST", Request("POST", path, ["Content-Type: text/html"], Encoding.UTF8.GetBytes(html)));
            default:
                var title = random.Next(3) == 0 ? mutant.Text[..Math.Min(mutant.Text.Length, random.Next(0, 600))] : null;
                var json = JsonSerializer.Serialize(new { text = mutant.Text, title, length = Pick<string?>(random, "short", "medium", "long", null), maxQuotes = random.Next(0, 51) });
                return new HttpFuzzCase(index, "article", description + " as JSON", "POST",
                    Request("POST", path, ["Content-Type: application/json"], Encoding.UTF8.GetBytes(json)), ArticleText: path == "/v1/digests" && title is null ? mutant.Text : null);
        }
    }

    /// <summary>URLs the fetcher must refuse before connecting; each points at the canary listener where it can carry a port.</summary>
    private string RefusedUrl(Random random)
    {
        var p = _targets.CanaryPort;
        string[] urls =
        [
            $"http://127.0.0.1:{p}/article", $"http://localhost:{p}/", $"http://[::1]:{p}/", $"http://2130706433:{p}/", $"http://0x7f000001:{p}/", $"http://0177.0.0.1:{p}/",
            $"http://127.1:{p}/", $"http://%31%32%37.0.0.1:{p}/", $"http://[::ffff:127.0.0.1]:{p}/", $"http://[::ffff:7f00:1]:{p}/", $"http://user:pass@127.0.0.1:{p}/",
            $"http://127.0.0.1:{p}@evil.example/", $"https://127.0.0.1:{p}/", $"http://0.0.0.0:{p}/", $"http://[::]:{p}/", $"http://10.0.0.1:{p}/", $"http://169.254.169.254:{p}/latest/meta-data/",
            $"http://metadata.google.internal:{p}/", $"http://192.168.1.1:{p}/", $"http://100.64.0.1:{p}/", $"http://[fe80::1]:{p}/", $"http://[fc00::1]:{p}/", $"http://[64:ff9b::7f00:1]:{p}/",
            $"http://[2002:7f00:1::]:{p}/", $"http://127.0.0.1.:{p}/", $"http://LOCALHOST:{p}/", $"ftp://127.0.0.1:{p}/", $"gopher://127.0.0.1:{p}/_GET", $"file:///etc/passwd",
            $"javascript:alert(1)", $"data:text/html,<p>x</p>", "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/", "http://0/", "http://", "http:///x", "//127.0.0.1/", "127.0.0.1", "http://[::1", "http://exa mple.com/", "http://" + new string('a', 5000) + ".com:81/",
            $"http://127.0.0.1:{p}/" + new string('p', 9000), $"http://\u0131ocalhost:{p}/", $"http://\uff11\uff12\uff17.0.0.1:{p}/", $"http://127.0.0.1:{p}/\r\nX-Injected: 1",
        ];
        return urls[random.Next(urls.Length)];
    }

    private HttpFuzzCase Url(int index, Random random)
    {
        var url = RefusedUrl(random);
        var path = Pick(random, "/v1/digests", "/v1/articles");
        var body = random.Next(4) == 0
            ? JsonSerializer.Serialize(new { text = "It rained. It stopped.", sourceUrl = url })
            : JsonSerializer.Serialize(new { url, length = "short" });
        return new HttpFuzzCase(index, "url", $"POST {path} url {Bound(url)}", "POST", Request("POST", path, ["Content-Type: application/json"], Encoding.UTF8.GetBytes(body)));
    }

    private HttpFuzzCase Collection(int index, Random random)
    {
        var count = random.Next(8) == 0 ? random.Next(51, 80) : random.Next(0, 6);
        var items = new List<object?>();
        for (var i = 0; i < count; i++)
        {
            items.Add(random.Next(7) switch
            {
                0 => new { id = StoredId(random) },
                1 => new { id = Pick(random, UnknownId, HostileId(random, escaped: false)) },
                2 => new { url = RefusedUrl(random) },
                3 => new { html = "<p>" + System.Net.WebUtility.HtmlEncode(Excerpt(random)) + "</p>" },
                4 => null,
                _ => (object)new { text = _mutator.Mutate(unchecked((_seed * 31) + index + i)).Text, title = random.Next(2) == 0 ? "A title" : null },
            });
        }

        var body = JsonSerializer.Serialize(new { articles = items, length = Pick<string?>(random, "short", "medium", "long", "huge", null), maxQuotes = random.Next(-2, 60), backend = Pick<string?>(random, null, "extractive", "nope") });
        return new HttpFuzzCase(index, "collection", $"POST /v1/collections with {count} members", "POST",
            Request("POST", "/v1/collections", ["Content-Type: application/json"], Encoding.UTF8.GetBytes(body)));
    }

    private HttpFuzzCase Id(int index, Random random)
    {
        var id = HostileId(random, escaped: true);
        var suffix = Pick(random, "", "/text", "/brief", "/brief/stream", "/quotes");
        var route = random.Next(4) == 0 ? "/v1/collections/" : "/v1/articles/";
        if (route == "/v1/collections/")
        {
            suffix = Pick(random, "", "/stream");
        }

        var path = route + id + suffix;
        return new HttpFuzzCase(index, "id", "GET " + Bound(path), "GET", Request("GET", path, [], null));
    }

    private string HostileId(Random random, bool escaped)
    {
        var stored = StoredId(random);
        var raw = random.Next(14) switch
        {
            0 => stored.ToUpperInvariant(),
            1 => stored[..^1],
            2 => stored + "a",
            3 => stored[..^1] + "1",
            4 => new string('a', random.Next(53, 3000)),
            5 => "..",
            6 => "%2e%2e%2f",
            7 => "\u00e9\u00e9",
            8 => " " + stored,
            9 => stored + "\0",
            10 => "0",
            11 => "null",
            12 => stored.Replace('a', '0'),
            _ => "<script>",
        };
        return escaped ? Uri.EscapeDataString(raw).Replace("%2525", "%25", StringComparison.Ordinal) : raw;
    }

    private string Excerpt(Random random)
    {
        var text = _articles[random.Next(_articles.Count)].Text;
        var length = Math.Min(text.Length, random.Next(40, 1200));
        return text.Substring(random.Next(text.Length - length + 1), length);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, params T[] options) => options[random.Next(options.Length)];
#pragma warning restore CA5394

    private byte[] Request(string method, string target, IEnumerable<string> headers, byte[]? body)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: {_targets.Host}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        return Join(head.ToString(), body ?? []);
    }

    /// <summary>Header text goes out as UTF-8, so non-ASCII header bytes reach the server as a client might send them.</summary>
    private static byte[] Join(string head, byte[] body, string tail = "") => [.. Encoding.UTF8.GetBytes(head), .. body, .. Encoding.UTF8.GetBytes(tail)];

    private static byte[] Join(string head, byte[] body, byte[] tail) => [.. Encoding.UTF8.GetBytes(head), .. body, .. tail];

    private static byte[] Chunks(byte[] body, int size)
    {
        var output = new List<byte>();
        for (var at = 0; at < body.Length; at += size)
        {
            var n = Math.Min(size, body.Length - at);
            output.AddRange(Encoding.ASCII.GetBytes($"{n:X}\r\n"));
            output.AddRange(body.AsSpan(at, n));
            output.AddRange("\r\n"u8);
        }

        return [.. output];
    }

    private static string Bound(string s) => s.Length <= 120 ? s.ReplaceLineEndings("\\n") : s[..120].ReplaceLineEndings("\\n") + $"…({s.Length} chars)";
}
