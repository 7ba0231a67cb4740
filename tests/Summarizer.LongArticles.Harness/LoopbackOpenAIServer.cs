using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summarizer.Text;

namespace Summarizer.LongArticles.Harness;

/// <summary>One chat-completion call the loopback server received.</summary>
public sealed record ChatCall(string Kind, string Silo, int PromptTokens, bool Stream, bool Completed, bool Aborted);

/// <summary>
/// A loopback OpenAI-protocol server on 127.0.0.1: <c>POST /v1/chat/completions</c>, plain and
/// <c>stream: true</c> (Server-Sent Events). It waits <see cref="Latency"/> per call (the model's
/// time), answers with the first words of the last user message as sentences, and records every
/// call: its kind (map, reduce or brief, read from the prompt) and silo (the <c>X-Silo</c> header
/// the test silos add to every backend request),
/// the prompt's size in tokens, and whether the caller went away before the answer.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ChatCall> _calls = new();
    private readonly WebApplication _app;
    private readonly TokenCounter _tokens;
    private int _started;
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackOpenAIServer(WebApplication app, TokenCounter tokens)
    {
        _app = app;
        _tokens = tokens;
    }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Base address for an OpenAI client, ending in <c>/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Calls that have reached the server (finished or not).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Most calls in progress at once since the last <see cref="Reset"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Calls that have ended (answered or aborted).</summary>
    public IReadOnlyList<ChatCall> Calls => [.. _calls];

    public void Reset()
    {
        _calls.Clear();
        Interlocked.Exchange(ref _started, 0);
        Interlocked.Exchange(ref _maxInFlight, 0);
    }

    public static async Task<LoopbackOpenAIServer> StartAsync(TokenCounter tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackOpenAIServer(app, tokens);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task CompleteAsync(HttpContext http)
    {
        Interlocked.Increment(ref _started);
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        try
        {
            await AnswerAsync(http);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!;
        var stream = body["stream"]?.GetValue<bool>() ?? false;
        var messages = body["messages"]!.AsArray();
        var prompt = string.Join("\n", messages.Select(m => m!["content"]!.GetValue<string>()));
        var user = messages.Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();
        var kind = KindOf(prompt);
        var silo = http.Request.Headers["X-Silo"].FirstOrDefault() ?? "unknown";
        var promptTokens = _tokens.Count(prompt);
        try
        {
            await Task.Delay(Latency, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            _calls.Enqueue(new ChatCall(kind, silo, promptTokens, stream, Completed: false, Aborted: true));
            return;
        }

        var answer = Answer(user);
        if (!stream)
        {
            await http.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = "chatcmpl-loopback",
                ["object"] = "chat.completion",
                ["created"] = 0,
                ["model"] = body["model"]?.GetValue<string>() ?? "loopback",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = _tokens.Count(answer), ["total_tokens"] = promptTokens + _tokens.Count(answer) },
            });
        }
        else
        {
            http.Response.ContentType = "text/event-stream";
            foreach (var piece in Pieces(answer))
            {
                var chunk = new JsonObject
                {
                    ["id"] = "chatcmpl-loopback",
                    ["object"] = "chat.completion.chunk",
                    ["created"] = 0,
                    ["model"] = body["model"]?.GetValue<string>() ?? "loopback",
                    ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = piece } }),
                };
                await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n");
            }

            await http.Response.WriteAsync("data: [DONE]\n\n");
        }

        _calls.Enqueue(new ChatCall(kind, silo, promptTokens, stream, Completed: true, Aborted: false));
    }

    /// <summary>
    /// What the call is for, from the prompt templates' wording (Summarizer.Backends/Prompts): a
    /// map prompt speaks of "one part of a long article", a reduce prompt of "partial summaries".
    /// </summary>
    private static string KindOf(string prompt) =>
        prompt.Contains("part of a long article", StringComparison.OrdinalIgnoreCase) ? "Map"
        : prompt.Contains("partial summaries", StringComparison.OrdinalIgnoreCase) ? "Reduce"
        : "Brief";

    /// <summary>The answer as a model streams it: word by word, each piece with the whitespace after it.</summary>
    private static IEnumerable<string> Pieces(string answer)
    {
        var start = 0;
        for (var i = 0; i < answer.Length; i++)
        {
            if (char.IsWhiteSpace(answer[i]) && (i + 1 == answer.Length || !char.IsWhiteSpace(answer[i + 1])))
            {
                yield return answer[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < answer.Length)
        {
            yield return answer[start..];
        }
    }

    /// <summary>Two short sentences (one per line, as the prompts ask) made of the input's first words and its hash: deterministic and much shorter than the input.</summary>
    private static string Answer(string input)
    {
        var words = input.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '!', '?', '"', '“', '”'))
            .Where(w => w.Length > 0)
            .Take(24)
            .ToList();
        if (words.Count == 0)
        {
            return "Nothing to summarise.";
        }

        // The input's hash keeps answers to different inputs different even when they start alike.
        var half = Math.Max(1, words.Count / 2);
        return $"Point {ArticleId.Compute(input)[..8]} {string.Join(' ', words.Take(half))}.\nAlso {string.Join(' ', words.Skip(half).DefaultIfEmpty("that"))}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
