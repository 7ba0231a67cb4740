using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Backends;
using Summarizer.Text;

namespace Summarizer.LongArticles.Harness;

/// <summary>
/// Test-only provider <c>LoopbackOpenAI</c>: a backend that speaks the OpenAI chat-completions
/// protocol with a plain <see cref="HttpClient"/> to the configured endpoint, and tags each call
/// with its kind and the calling silo so tests can see where the map step ran. Stands in for the
/// Semantic Kernel <c>OpenAICompatible</c> provider until that lands on main.
/// </summary>
public sealed class LoopbackBackendProvider(HttpClient http, string silo) : IBackendProvider
{
    public const string ProviderName = "LoopbackOpenAI";

    public string Provider => ProviderName;

    public ISummaryBackend Create(string name, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LoopbackBackend(name, options, http, silo);
    }
}

internal sealed class LoopbackBackend(string name, BackendOptions options, HttpClient http, string silo) : ISummaryBackend
{
    public string Name { get; } = name;

    public string Provider => LoopbackBackendProvider.ProviderName;

    public string? Model { get; } = options.Model ?? "loopback";

    public string PromptVersion => "loopback-1";

    public async Task<SummaryAnswer> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        using var message = Message(request, stream: false);
        using var response = await http.SendAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
        var text = body["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        var usage = body["usage"];
        return new SummaryAnswer(Sentences(text), usage is null ? null : new TokenUsage(usage["prompt_tokens"]!.GetValue<int>(), usage["completion_tokens"]!.GetValue<int>()));
    }

    public async IAsyncEnumerable<string> StreamAsync(SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = Message(request, stream: true);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line["data: ".Length..];
            if (data == "[DONE]")
            {
                yield break;
            }

            var piece = JsonNode.Parse(data)?["choices"]?[0]?["delta"]?["content"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(piece))
            {
                yield return piece;
            }
        }
    }

    private HttpRequestMessage Message(SummaryRequest request, bool stream)
    {
        var instructions = request.Kind switch
        {
            SummaryTaskKind.Map => $"Summarise this part of a longer article in {request.TargetSentences} sentences.",
            SummaryTaskKind.Reduce => $"Combine these partial summaries into one summary of {request.TargetSentences} sentences.",
            _ => $"Summarise the article in {request.TargetSentences} sentences.",
        };
        var body = new JsonObject
        {
            ["model"] = Model,
            ["max_tokens"] = options.MaxOutputTokens,
            ["stream"] = stream,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = instructions },
                new JsonObject { ["role"] = "user", ["content"] = request.Text }),
        };
        var message = new HttpRequestMessage(HttpMethod.Post, options.Endpoint!.TrimEnd('/') + "/chat/completions")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("X-Summary-Kind", request.Kind.ToString());
        message.Headers.Add("X-Silo", silo);
        return message;
    }

    private static List<string> Sentences(string text) =>
        [.. SentenceSplitter.Split(text.Trim()).Select(s => s.Slice(text.Trim()))];
}
