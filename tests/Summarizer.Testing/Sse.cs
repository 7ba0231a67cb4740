using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Summarizer.Testing;

/// <summary>One Server-Sent Event as the client read it.</summary>
public sealed record SseEvent(string Name, JsonElement Data);

/// <summary>Reads a response stream with the platform's SSE parser; every event's data is JSON.</summary>
public static class Sse
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return new SseEvent(item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone());
        }
    }
}
