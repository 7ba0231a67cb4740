using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Summarizer.Cluster.Tests;

/// <summary>
/// A model server on 127.0.0.1 speaking OpenAI's <c>/v1/chat/completions</c> (non-streaming): every
/// request waits a fixed latency, then answers a three-sentence brief. Unlimited concurrency, so
/// the only limit is each silo's <c>MaxConcurrency</c>: the shape of a latency-bound model server.
/// </summary>
public sealed class FixedLatencyModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private int _requests;

    private FixedLatencyModelServer(WebApplication app, TimeSpan latency)
    {
        _app = app;
        _latency = latency;
    }

    public Uri BaseUri { get; private set; } = null!;

    public int Requests => _requests;

    public static async Task<FixedLatencyModelServer> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{RedisServerFixture.FreePort()}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FixedLatencyModelServer(app, latency);
        app.MapPost("/v1/chat/completions", server.AnswerAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First() + "/v1");
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        await Task.Delay(_latency, context.RequestAborted);
        var reply = new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request?["model"]?.GetValue<string>() ?? "fixed-latency",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = "The council approved the budget on Tuesday.\nThe mayor said the vote was close.\nThe plan now goes to the state for review.",
                },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 30, ["total_tokens"] = 150 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
