using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summarizer.Backends.Tests;

/// <summary>One scripted reply: a fault, a delay, garbage, or an answer.</summary>
public abstract record Step
{
    /// <summary>An HTTP error, with Retry-After when given.</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null) : Step;

    /// <summary>Waits, then answers normally (or is cut off by the client's timeout).</summary>
    public sealed record Delay(TimeSpan Wait) : Step;

    /// <summary>200 with a body that is not the protocol's JSON.</summary>
    public sealed record Malformed : Step;

    /// <summary>200 with this model text instead of the default answer.</summary>
    public sealed record Answer(string Text) : Step;
}

/// <summary>A request the server received.</summary>
public sealed record RecordedRequest(string Path, string Body, string? Authorization, IReadOnlyDictionary<string, string> AllHeaders)
{
    public string? Headers(string name) => AllHeaders.TryGetValue(name, out var v) ? v : null;

    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// A model server on 127.0.0.1 speaking the wire protocols the real connectors use: OpenAI
/// <c>/v1/chat/completions</c> (plain JSON, and <c>stream: true</c> as SSE ending in a usage
/// chunk), Azure OpenAI's deployment path, and Ollama <c>/api/chat</c> (one JSON object, or an
/// NDJSON stream). Every request is recorded; replies follow a script of <see cref="Step"/>s, then
/// the default answer.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const int PromptTokens = 321;
    public const int CompletionTokens = 45;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeModelServer(WebApplication app) => _app = app;

    /// <summary>What the model answers when the script is empty.</summary>
    public string DefaultAnswer { get; set; } =
        "The US struck Iran-backed militias to warn Tehran.\nOfficials expect no further escalation.\nThe militias threatened to retaliate.";

    /// <summary>What the model answers to a key-quote request (told apart by its prompt) when the script is empty.</summary>
    public string QuoteAnswer { get; set; } = """[{"index": 0, "text": ""}]""";

    /// <summary>When set, the reply to every request once the script is empty (a persistent fault).</summary>
    public Step? Always { get; set; }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.MapPost("/v1/chat/completions", server.OpenAIAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.OpenAIAsync);
        app.MapPost("/api/chat", server.OllamaAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public FakeModelServer Then(params Step[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<(JsonNode Body, string? Text)> AcceptAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(context.Request.Path + context.Request.QueryString, body, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        var json = JsonNode.Parse(body)!;
        var isQuoteRequest = body.Contains("key quotes", StringComparison.Ordinal);
        if (!_script.TryDequeue(out var step))
        {
            if (Always is null)
            {
                return (json, isQuoteRequest ? QuoteAnswer : DefaultAnswer);
            }

            step = Always;
        }

        switch (step)
        {
            case Step.Status s:
                context.Response.StatusCode = s.Code;
                if (s.RetryAfterSeconds is { } ra)
                {
                    context.Response.Headers.RetryAfter = ra.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = $"scripted {s.Code}", ["type"] = "server_error" } }.ToJsonString(), context.RequestAborted);
                return (json, null);
            case Step.Delay d:
                await Task.Delay(d.Wait, context.RequestAborted);
                return (json, isQuoteRequest ? QuoteAnswer : DefaultAnswer);
            case Step.Malformed:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"choices\": [ this is not json", context.RequestAborted);
                return (json, null);
            case Step.Answer a:
                return (json, a.Text);
            default:
                throw new InvalidOperationException(step.ToString());
        }
    }

    private async Task OpenAIAsync(HttpContext context)
    {
        var (request, text) = await AcceptAsync(context);
        if (text is null)
        {
            return;
        }

        var model = request["model"]?.GetValue<string>() ?? "deployment-model";
        var usage = new JsonObject { ["prompt_tokens"] = PromptTokens, ["completion_tokens"] = CompletionTokens, ["total_tokens"] = PromptTokens + CompletionTokens };
        if (request["stream"]?.GetValue<bool>() == true)
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var piece in Pieces(text))
            {
                await Sse(context, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = piece }, null));
            }

            await Sse(context, Chunk(model, new JsonObject(), "stop"));
            var last = Chunk(model, null, null);
            last["choices"] = new JsonArray();
            last["usage"] = usage;
            await Sse(context, last);
            await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
            return;
        }

        var reply = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = usage,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted);
    }

    private async Task OllamaAsync(HttpContext context)
    {
        var (request, text) = await AcceptAsync(context);
        if (text is null)
        {
            return;
        }

        var model = request["model"]?.GetValue<string>() ?? "";
        JsonObject Line(string content, bool done)
        {
            var line = new JsonObject
            {
                ["model"] = model,
                ["created_at"] = "2026-11-26T00:00:00Z",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["done"] = done,
            };
            if (done)
            {
                line["done_reason"] = "stop";
                line["total_duration"] = 1000;
                line["load_duration"] = 10;
                line["prompt_eval_count"] = PromptTokens;
                line["prompt_eval_duration"] = 100;
                line["eval_count"] = CompletionTokens;
                line["eval_duration"] = 100;
            }

            return line;
        }

        context.Response.ContentType = "application/x-ndjson";
        if (request["stream"]?.GetValue<bool>() == false)
        {
            await context.Response.WriteAsync(Line(text, done: true).ToJsonString(), context.RequestAborted);
            return;
        }

        foreach (var piece in Pieces(text))
        {
            await context.Response.WriteAsync(Line(piece, done: false).ToJsonString() + "\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync(Line("", done: true).ToJsonString() + "\n", context.RequestAborted);
    }

    private static JsonObject Chunk(string model, JsonObject? delta, string? finish)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = model,
        };
        if (delta is not null)
        {
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish });
        }

        return chunk;
    }

    private static async Task Sse(HttpContext context, JsonObject data)
    {
        await context.Response.WriteAsync("data: " + data.ToJsonString() + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>The text in a few pieces, as a model would stream it.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var size = Math.Max(1, text.Length / 5);
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
