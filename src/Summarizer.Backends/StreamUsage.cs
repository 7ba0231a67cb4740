using System.Runtime.CompilerServices;

namespace Summarizer.Backends;

/// <summary>
/// The usage a streamed answer reports on its last chunk, handed from the backend to the invoker
/// that enumerates it (a stream of strings has no place for it): the invoker opens a box before it
/// enumerates, the backend fills it at the end. The box flows with the enumeration's execution context.
/// </summary>
internal static class StreamUsage
{
    private static readonly AsyncLocal<StrongBox<TokenUsage?>?> Box = new();

    /// <summary>Opens a box for the stream about to be enumerated from this context.</summary>
    public static StrongBox<TokenUsage?> Open()
    {
        var box = new StrongBox<TokenUsage?>();
        Box.Value = box;
        return box;
    }

    /// <summary>Called by a streaming backend once its stream ended.</summary>
    public static void Report(TokenUsage? usage)
    {
        if (Box.Value is { } box)
        {
            box.Value = usage;
        }
    }
}
