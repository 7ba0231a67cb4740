using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summarizer.Testing.ModelServers;

/// <summary>
/// A model server on 127.0.0.1 speaking the wire protocols the real connectors use: OpenAI
/// <c>/v1/chat/completions</c> (plain JSON, and <c>stream: true</c> as SSE ending in a usage
/// chunk), Azure OpenAI's deployment path (<c>/openai/deployments/{deployment}/chat/completions</c>),
/// and Ollama <c>/api/chat</c> (one JSON object, or an NDJSON stream).
/// <para>
/// Every request is recorded (<see cref="Requests"/>) and counted as it arrives (<see cref="Started"/>,
/// <see cref="MaxInFlight"/>). Replies follow a script of <see cref="Step"/>s (<see cref="Then"/>),
/// then <see cref="Always"/> if set, then the answer of <see cref="Responder"/>. Every answer waits
/// <see cref="Latency"/> first (the model's time). Each call that ends is recorded in <see cref="Calls"/>,
/// with the silo that made it (<c>X-Silo</c> header) and whether the caller went away before the answer.
/// </para>
/// </summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    /// <summary>Prompt tokens reported in usage when <see cref="CountTokens"/> is not set, unless changed.</summary>
    public const int DefaultPromptTokens = 321;

    /// <summary>Completion tokens reported in usage when <see cref="CountTokens"/> is not set, unless changed.</summary>
    public const int DefaultCompletionTokens = 45;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ChatCall> _calls = new();
    private readonly ConcurrentQueue<long> _arrivals = new();
    private readonly List<(Func<LoopbackModelServer, bool> Condition, TaskCompletionSource Reached)> _waiters = [];
    private int _started;
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackModelServer(WebApplication app)
    {
        _app = app;
        Responder = request => request.Body.Contains("key quotes", StringComparison.Ordinal) ? QuoteAnswer : DefaultAnswer;
    }

    /// <summary>What the default <see cref="Responder"/> answers when the script is empty.</summary>
    public string DefaultAnswer { get; set; } =
        "The US struck Iran-backed militias to warn Tehran.\nOfficials expect no further escalation.\nThe militias threatened to retaliate.";

    /// <summary>What the default <see cref="Responder"/> answers to a key-quote request (told apart by its prompt).</summary>
    public string QuoteAnswer { get; set; } = """[{"index": 0, "text": ""}]""";

    /// <summary>The model's text for a request the script does not answer.</summary>
    public Func<ChatRequest, string> Responder { get; set; }

    /// <summary>When set, the reply to every request once the script is empty (a persistent fault).</summary>
    public Step? Always { get; set; }

    /// <summary>How long every answer waits before it is sent (the model's time); zero by default.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>When set, usage is counted with it (prompt and answer); otherwise <see cref="PromptTokens"/> and <see cref="CompletionTokens"/>.</summary>
    public Func<string, int>? CountTokens { get; set; }

    public int PromptTokens { get; set; } = DefaultPromptTokens;

    public int CompletionTokens { get; set; } = DefaultCompletionTokens;

    /// <summary>The kind recorded in <see cref="ChatCall.Kind"/>, from the prompt.</summary>
    public Func<string, string> Classify { get; set; } = _ => "Chat";

    /// <summary>How a streamed answer is cut into pieces; by default about five pieces.</summary>
    public Func<string, IEnumerable<string>> StreamPieces { get; set; } = Fifths;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5123/</c> (Azure and Ollama clients).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Base address for an OpenAI client, ending in <c>/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Calls that have reached the server (finished or not).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>
    /// When each call since the last <see cref="Reset"/> reached the server, as
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> values in order of arrival (benchmarks
    /// time the first model call from them; tests never read the clock).
    /// </summary>
    public IReadOnlyList<long> Arrivals => [.. _arrivals];

    /// <summary>Most calls in progress at once since the last <see cref="Reset"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Calls that have ended (answered, faulted by the script, or aborted by the caller).</summary>
    public IReadOnlyList<ChatCall> Calls => [.. _calls];

    public static async Task<LoopbackModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackModelServer(app);
        app.MapPost("/v1/chat/completions", server.OpenAIAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.OpenAIAsync);
        app.MapPost("/api/chat", server.OllamaAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Queues scripted replies, one per request, before the default answer.</summary>
    public LoopbackModelServer Then(params Step[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }

        return this;
    }

    /// <summary>
    /// Completes once <paramref name="condition"/> holds of this server (checked now and whenever a
    /// call starts or ends), so a test waits on the server's events instead of polling. Fails with
    /// <see cref="TimeoutException"/> after <paramref name="limit"/> (default 30 s), a bound against hanging.
    /// </summary>
    public async Task WhenAsync(Func<LoopbackModelServer, bool> condition, TimeSpan? limit = null)
    {
        var waiter = (condition, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_waiters)
        {
            _waiters.Add(waiter);
        }

        try
        {
            Signal();
            await waiter.Item2.Task.WaitAsync(limit ?? TimeSpan.FromSeconds(30));
        }
        finally
        {
            lock (_waiters)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    private void Record(ChatCall call)
    {
        _calls.Enqueue(call);
        Signal();
    }

    private void Signal()
    {
        lock (_waiters)
        {
            foreach (var (condition, reached) in _waiters)
            {
                if (!reached.Task.IsCompleted && condition(this))
                {
                    reached.TrySetResult();
                }
            }
        }
    }

    /// <summary>Forgets the ended calls and the counts (not the recorded requests or the script).</summary>
    public void Reset()
    {
        _calls.Clear();
        _arrivals.Clear();
        Interlocked.Exchange(ref _started, 0);
        Interlocked.Exchange(ref _maxInFlight, 0);
    }

    /// <summary>
    /// When true, disposing aborts the calls still in progress at once; by default it stops
    /// gracefully first (waits for them to end). A latency-bound server whose callers have gone
    /// away sets it, so its tear-down does not wait out the latency.
    /// </summary>
    public bool AbortInFlightOnDispose { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (!AbortInFlightOnDispose)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
    }

    private sealed record Accepted(ChatRequest Request, bool Stream, int PromptTokens, string? Text);

    private Task OpenAIAsync(HttpContext context) => CountedAsync(context, WriteOpenAIAsync);

    private Task OllamaAsync(HttpContext context) => CountedAsync(context, WriteOllamaAsync);

    private async Task CountedAsync(HttpContext context, Func<HttpContext, Accepted, string, Task> write)
    {
        _arrivals.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _started);
        Signal();
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        try
        {
            var accepted = await AcceptAsync(context);
            var kind = Classify(accepted.Request.Prompt);
            var silo = context.Request.Headers["X-Silo"].FirstOrDefault() ?? "unknown";
            if (accepted.Text is null)
            {
                Record(new ChatCall(kind, silo, accepted.PromptTokens, accepted.Stream, Completed: false, Aborted: false));
                return;
            }

            try
            {
                await Task.Delay(Latency, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Record(new ChatCall(kind, silo, accepted.PromptTokens, accepted.Stream, Completed: false, Aborted: true));
                return;
            }

            await write(context, accepted, accepted.Text);
            Record(new ChatCall(kind, silo, accepted.PromptTokens, accepted.Stream, Completed: true, Aborted: false));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // A scripted delay the caller did not wait for.
            Record(new ChatCall("Unknown", context.Request.Headers["X-Silo"].FirstOrDefault() ?? "unknown", 0, false, Completed: false, Aborted: true));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Records the request and plays the next step: writes a fault and returns no text, or returns the text to answer.</summary>
    private async Task<Accepted> AcceptAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path + context.Request.QueryString;
        _requests.Enqueue(new RecordedRequest(path, body, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        Signal();
        var json = JsonNode.Parse(body)!;
        var messages = (json["messages"] as JsonArray)?.OfType<JsonNode>().ToList() ?? [];
        var prompt = string.Join("\n", messages.Select(Content));
        var user = messages.LastOrDefault(m => Text(m["role"]) == "user") is { } u ? Content(u) : "";
        var request = new ChatRequest(path, body, json, prompt, user);
        var stream = json["stream"] is JsonValue s && s.TryGetValue<bool>(out var b) ? b : (bool?)null;
        var promptTokens = CountTokens is { } count ? count(prompt) : PromptTokens;
        // OpenAI streams only when asked; Ollama streams unless told not to.
        var streams = context.Request.Path.StartsWithSegments("/api/chat") ? stream != false : stream == true;
        Accepted Answer(string? text) => new(request, streams, promptTokens, text);

        if (!_script.TryDequeue(out var step))
        {
            if (Always is null)
            {
                return Answer(Responder(request));
            }

            step = Always;
        }

        switch (step)
        {
            case Step.Status st:
                context.Response.StatusCode = st.Code;
                if (st.RetryAfterSeconds is { } ra)
                {
                    context.Response.Headers.RetryAfter = ra.ToString(CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = $"scripted {st.Code}", ["type"] = "server_error" } }.ToJsonString(), context.RequestAborted);
                return Answer(null);
            case Step.Delay d:
                await Task.Delay(d.Wait, context.RequestAborted);
                return Answer(Responder(request));
            case Step.Malformed:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"choices\": [ this is not json", context.RequestAborted);
                return Answer(null);
            case Step.Answer a:
                return Answer(a.Text);
            default:
                throw new InvalidOperationException(step.ToString());
        }
    }

    private (int Prompt, int Completion) Usage(Accepted accepted, string text) =>
        CountTokens is { } count ? (accepted.PromptTokens, count(text)) : (PromptTokens, CompletionTokens);

    private async Task WriteOpenAIAsync(HttpContext context, Accepted accepted, string text)
    {
        var model = Text(accepted.Request.Json["model"]) ?? "deployment-model";
        var (promptTokens, completionTokens) = Usage(accepted, text);
        var usage = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens };
        if (accepted.Stream)
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var piece in StreamPieces(text))
            {
                await Sse(context, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = piece }, null));
            }

            await Sse(context, Chunk(model, new JsonObject(), "stop"));
            var last = Chunk(model, null, null);
            last["choices"] = new JsonArray();
            last["usage"] = usage;
            await Sse(context, last);
            await context.Response.WriteAsync("data: [DONE]\n\n");
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
        await context.Response.WriteAsync(reply.ToJsonString());
    }

    private async Task WriteOllamaAsync(HttpContext context, Accepted accepted, string text)
    {
        var model = Text(accepted.Request.Json["model"]) ?? "";
        var (promptTokens, completionTokens) = Usage(accepted, text);
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
                line["prompt_eval_count"] = promptTokens;
                line["prompt_eval_duration"] = 100;
                line["eval_count"] = completionTokens;
                line["eval_duration"] = 100;
            }

            return line;
        }

        context.Response.ContentType = "application/x-ndjson";
        if (!accepted.Stream)
        {
            await context.Response.WriteAsync(Line(text, done: true).ToJsonString());
            return;
        }

        foreach (var piece in StreamPieces(text))
        {
            await context.Response.WriteAsync(Line(piece, done: false).ToJsonString() + "\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync(Line("", done: true).ToJsonString() + "\n");
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
        await context.Response.WriteAsync("data: " + data.ToJsonString() + "\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Content(JsonNode message) => Text(message["content"]) ?? "";

    /// <summary>The text in about five pieces, as a model would stream it.</summary>
    public static IEnumerable<string> Fifths(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var size = Math.Max(1, text.Length / 5);
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    /// <summary>The text word by word, each piece with the whitespace after it.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1])))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
