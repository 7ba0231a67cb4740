using System.Text.Json;

namespace Summarizer.LongArticles.Tests;

/// <summary>One Server-Sent Event as the client read it.</summary>
public sealed record SseEvent(string Name, JsonElement Data);

/// <summary>Reads <c>event:</c>/<c>data:</c> blocks from a response stream.</summary>
public static class Sse
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    yield return new SseEvent(name, JsonDocument.Parse(data).RootElement.Clone());
                }

                name = data = null;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }
}
