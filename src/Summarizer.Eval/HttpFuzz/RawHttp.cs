using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Summarizer.Eval.HttpFuzz;

/// <summary>What came back for one raw request.</summary>
public enum RawOutcome
{
    /// <summary>A status line and headers were read (the body may be cut short).</summary>
    Response,

    /// <summary>The server closed (or reset) the connection without sending a byte.</summary>
    NoResponse,

    /// <summary>Nothing complete within the per-request timeout.</summary>
    Hang,

    /// <summary>Bytes came back that are not an HTTP/1.x response.</summary>
    Unparsable,
}

/// <summary>A parsed HTTP/1.x response; header names are case-insensitive, the last of a repeated header wins.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

public sealed record RawResult(RawOutcome Outcome, RawResponse? Response, string? Error);

/// <summary>
/// HTTP/1.1 over a plain socket, so a request can break its own framing (bad chunk sizes, two
/// Content-Lengths, a body cut short, bytes no client library would send). One connection per
/// request, read until the server closes it or the timeout passes.
/// </summary>
public static class RawHttp
{
    private const int MaxResponseBytes = 16 * 1024 * 1024;

    public static async Task<RawResult> SendAsync(IPEndPoint server, byte[] request, bool halfClose, bool head, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var received = new MemoryStream();
        try
        {
            await socket.ConnectAsync(server, timer.Token);
            try
            {
                await socket.SendAsync(request, SocketFlags.None, timer.Token);
                if (halfClose)
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (SocketException)
            {
                // The server may answer and close before it read everything (431, 413): read what it said.
            }

            var buffer = new byte[64 * 1024];
            while (received.Length < MaxResponseBytes)
            {
                int n;
                try
                {
                    n = await socket.ReceiveAsync(buffer, SocketFlags.None, timer.Token);
                }
                catch (SocketException) when (received.Length > 0)
                {
                    break;
                }

                if (n == 0)
                {
                    break;
                }

                received.Write(buffer, 0, n);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RawResult(RawOutcome.Hang, TryParse(received.ToArray(), head, out var partial, out _) ? partial : null,
                $"no complete answer within {timeout.TotalSeconds:0} s ({received.Length} bytes read)");
        }
        catch (SocketException e)
        {
            return new RawResult(RawOutcome.NoResponse, null, e.SocketErrorCode.ToString());
        }

        if (received.Length == 0)
        {
            return new RawResult(RawOutcome.NoResponse, null, "closed without a response");
        }

        return TryParse(received.ToArray(), head, out var response, out var error)
            ? new RawResult(RawOutcome.Response, response, null)
            : new RawResult(RawOutcome.Unparsable, null, error);
    }

    /// <summary>Parses the final response in <paramref name="bytes"/>, skipping interim 1xx responses.</summary>
    public static bool TryParse(byte[] bytes, bool head, out RawResponse? response, out string? error)
    {
        response = null;
        var at = 0;
        while (true)
        {
            var end = IndexOf(bytes, "\r\n\r\n"u8, at);
            if (end < 0)
            {
                error = "no end of headers";
                return false;
            }

            var lines = Encoding.Latin1.GetString(bytes, at, end - at).Split("\r\n");
            var statusLine = lines[0].Split(' ', 3);
            if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                error = "bad status line: " + lines[0];
                return false;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            at = end + 4;
            if (status is >= 100 and < 200)
            {
                continue;
            }

            var rest = bytes.AsSpan(at);
            byte[] body;
            if (head || status is 204 or 304)
            {
                body = [];
            }
            else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = Dechunk(rest);
            }
            else if (headers.TryGetValue("Content-Length", out var cl) && int.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                body = rest[..Math.Min(length, rest.Length)].ToArray();
            }
            else
            {
                body = rest.ToArray();
            }

            response = new RawResponse(status, headers, body);
            error = null;
            return true;
        }
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked[at..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(chunked.Slice(at, lineEnd)).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            at += lineEnd + 2;
            var take = Math.Min(size, chunked.Length - at);
            body.Write(chunked.Slice(at, take));
            at += take + 2;
        }

        return body.ToArray();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what, int from)
    {
        var i = bytes.AsSpan(from).IndexOf(what);
        return i < 0 ? -1 : from + i;
    }
}
