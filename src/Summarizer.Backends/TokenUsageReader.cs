using Microsoft.Extensions.AI;

namespace Summarizer.Backends;

/// <summary>
/// Reads token usage off a Semantic Kernel reply, whichever connector made it: the OpenAI
/// connectors put an <c>OpenAI.Chat.ChatTokenUsage</c> in <c>Metadata["Usage"]</c>; services built
/// on an <see cref="IChatClient"/> (Ollama) carry <see cref="UsageDetails"/> in the inner content.
/// </summary>
internal static class TokenUsageReader
{
    public static TokenUsage? From(IReadOnlyDictionary<string, object?>? metadata, object? innerContent)
    {
        if (metadata is not null && metadata.TryGetValue("Usage", out var usage))
        {
            switch (usage)
            {
                case OpenAI.Chat.ChatTokenUsage openAi:
                    return new TokenUsage(openAi.InputTokenCount, openAi.OutputTokenCount);
                case UsageDetails details:
                    return From(details);
            }
        }

        return innerContent switch
        {
            ChatResponse { Usage: { } details } => From(details),
            ChatResponseUpdate update => update.Contents.OfType<UsageContent>().Select(u => From(u.Details)).FirstOrDefault(),
            _ => null,
        };
    }

    private static TokenUsage? From(UsageDetails details) =>
        details.InputTokenCount is null && details.OutputTokenCount is null
            ? null
            : new TokenUsage((int)(details.InputTokenCount ?? 0), (int)(details.OutputTokenCount ?? 0));
}
