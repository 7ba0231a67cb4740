using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Summarizer.Api.Transport;

/// <summary>
/// The output of one HTTP/1.x connection, passed through unchanged except for the bare responses
/// Kestrel itself writes when it rejects a request before any middleware runs (a bad request line
/// or header, a request line over <c>MaxRequestLineSize</c> → 414, headers over
/// <c>MaxRequestHeadersTotalSize</c> → 431, a request-headers timeout → 408): those carry
/// <c>Content-Length: 0</c> and <c>Connection: close</c> and no body, and this writer gives them an
/// <c>application/problem+json</c> body (<see cref="Problems.ForRejection"/>). Kestrel offers no hook
/// for these responses (aspnet/KestrelHttpServer#2947), so the connection's writer is the one place
/// they can be seen.
/// A flush that starts with a 4xx/5xx status line is held until the flush and inspected; everything
/// else goes straight to the transport.
/// </summary>
internal sealed class RejectionProblemWriter(PipeWriter inner) : PipeWriter
{
    private static readonly byte[] ErrorPrefix4 = "HTTP/1.1 4"u8.ToArray();
    private static readonly byte[] ErrorPrefix5 = "HTTP/1.1 5"u8.ToArray();
    private const int MaxHeld = 4096;

    private ArrayBufferWriter<byte>? _held;
    private Memory<byte> _lent;
    private bool _written;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

    // Memory always comes from the transport: a caller may keep writing into the rest of a span it got
    // before holding began (Kestrel's BufferWriter does). While holding, written bytes are copied out
    // and the transport is advanced by nothing, so its next memory starts where the held bytes began.
    public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        var written = _lent.Span[..bytes];
        if (_held is null && !_written && bytes >= ErrorPrefix4.Length && (written.StartsWith(ErrorPrefix4) || written.StartsWith(ErrorPrefix5)))
        {
            _held = new ArrayBufferWriter<byte>(Math.Max(256, bytes));
        }

        if (_held is not null)
        {
            _held.Write(written);
            _lent = _lent[bytes..];
            inner.Advance(0);
            return;
        }

        _written |= bytes > 0;
        _lent = _lent[bytes..];
        inner.Advance(bytes);
    }

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        _written = false;
        return await inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Release();
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        await inner.CompleteAsync(exception);
    }

    private void Release()
    {
        if (_held is null)
        {
            return;
        }

        var held = _held.WrittenSpan;
        _held = null;
        if (held.Length <= MaxHeld && TryRewrite(held, out var rewritten))
        {
            inner.Write(rewritten);
        }
        else
        {
            inner.Write(held);
        }
    }

    /// <summary>A bare rejection (one complete header block, no body, closing the connection) with a problem body added.</summary>
    internal static bool TryRewrite(ReadOnlySpan<byte> response, out byte[] rewritten)
    {
        rewritten = [];
        var end = response.IndexOf("\r\n\r\n"u8);
        if (end < 0 || end + 4 != response.Length)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(response[..end]);
        var lines = head.Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], out var status))
        {
            return false;
        }

        var closes = false;
        var emptyBody = false;
        var headers = new StringBuilder(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                return false; // the application wrote this response
            }

            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                emptyBody = value == "0";
                continue;
            }

            closes |= name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && value.Equals("close", StringComparison.OrdinalIgnoreCase);
            headers.Append(line).Append("\r\n");
        }

        if (!closes || !emptyBody)
        {
            return false;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(Problems.ForRejection(status));
        headers.Append("Content-Type: application/problem+json\r\nContent-Length: ")
            .Append(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        rewritten = [.. Encoding.ASCII.GetBytes(headers.ToString()), .. body];
        return true;
    }
}
