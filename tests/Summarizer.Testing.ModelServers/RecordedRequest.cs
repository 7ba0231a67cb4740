using System.Text.Json.Nodes;

namespace Summarizer.Testing.ModelServers;

/// <summary>A request the server received.</summary>
public sealed record RecordedRequest(string Path, string Body, string? Authorization, IReadOnlyDictionary<string, string> AllHeaders)
{
    public string? Headers(string name) => AllHeaders.TryGetValue(name, out var v) ? v : null;

    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// One chat call as the server saw it: its kind (from <see cref="LoopbackModelServer.Classify"/>),
/// the silo that made it (the <c>X-Silo</c> header, or <c>unknown</c>), the prompt's size in tokens,
/// whether it asked for a stream, and whether it was answered or the caller went away first.
/// </summary>
public sealed record ChatCall(string Kind, string Silo, int PromptTokens, bool Stream, bool Completed, bool Aborted);

/// <summary>What a <see cref="LoopbackModelServer.Responder"/> sees of a chat request.</summary>
/// <param name="Path">The request path (OpenAI, Azure deployment or Ollama).</param>
/// <param name="Body">The raw request body.</param>
/// <param name="Json">The parsed request body.</param>
/// <param name="Prompt">Every message's content, joined by newlines.</param>
/// <param name="LastUserMessage">The content of the last <c>user</c> message, or empty.</param>
public sealed record ChatRequest(string Path, string Body, JsonNode Json, string Prompt, string LastUserMessage);
