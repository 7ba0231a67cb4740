using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summarizer.Testing.PageServers;

/// <summary>
/// A web server on 127.0.0.1 (Kestrel, port 0) serving what a test puts at a path
/// (<see cref="Map"/>, <see cref="Page"/>, <see cref="Redirect"/>). It counts every TCP connection
/// accepted (<see cref="Connections"/>) and every request per path (<see cref="Hits"/>), so a test
/// can show that a refused URL was never connected to and that a cached page was fetched once.
/// Responses are gzip/brotli-compressed when the client asks and the path is marked compressed.
/// </summary>
public sealed class LoopbackPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HttpRequestSnapshot> _requests = new();
    private int _connections;

    private LoopbackPageServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The requests answered so far, in order.</summary>
    public IReadOnlyList<HttpRequestSnapshot> Requests => [.. _requests];

    public static async Task<LoopbackPageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
            o.Providers.Add<BrotliCompressionProvider>();
            o.MimeTypes = ["text/html", "text/plain"];
        });
        LoopbackPageServer? server = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref server!._connections);
            return next(connection);
        })));
        var app = builder.Build();
        server = new LoopbackPageServer(app);
        app.UseWhen(c => c.Request.Query.ContainsKey("compress"), a => a.UseResponseCompression());
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    /// <summary>Requests that reached <paramref name="path"/>.</summary>
    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    /// <summary>Serves <paramref name="handler"/> at <paramref name="path"/> (no query).</summary>
    public LoopbackPageServer Map(string path, RequestDelegate handler)
    {
        _routes[path] = handler;
        return this;
    }

    /// <summary>Serves <paramref name="bytes"/> with <paramref name="contentType"/> at <paramref name="path"/>.</summary>
    public LoopbackPageServer Page(string path, byte[] bytes, string contentType = "text/html; charset=utf-8") =>
        Map(path, async c =>
        {
            c.Response.ContentType = contentType;
            await c.Response.Body.WriteAsync(bytes);
        });

    /// <summary>Serves UTF-8 <paramref name="html"/> at <paramref name="path"/>.</summary>
    public LoopbackPageServer Page(string path, string html, string contentType = "text/html; charset=utf-8") =>
        Page(path, Encoding.UTF8.GetBytes(html), contentType);

    /// <summary>
    /// Serves UTF-8 <paramref name="html"/> with <c>ETag: <paramref name="etag"/></c> (and the optional
    /// Last-Modified and Cache-Control), answering 304 to a request whose If-None-Match is that tag.
    /// </summary>
    public LoopbackPageServer ConditionalPage(string path, string html, string etag, string? lastModified = null, string? cacheControl = null) =>
        Map(path, c =>
        {
            if (c.Request.Headers.IfNoneMatch == etag)
            {
                c.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.Headers.ETag = etag;
            if (lastModified is not null)
            {
                c.Response.Headers.LastModified = lastModified;
            }

            if (cacheControl is not null)
            {
                c.Response.Headers.CacheControl = cacheControl;
            }

            return c.Response.WriteAsync(html);
        });

    /// <summary>Answers <paramref name="path"/> with <paramref name="status"/> and <c>Location: <paramref name="location"/></c>.</summary>
    public LoopbackPageServer Redirect(string path, string location, int status = StatusCodes.Status302Found) =>
        Map(path, c =>
        {
            c.Response.StatusCode = status;
            c.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        _requests.Enqueue(new HttpRequestSnapshot(path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (_routes.TryGetValue(path, out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}

/// <summary>One request the server answered: its path and headers.</summary>
public sealed record HttpRequestSnapshot(string Path, IReadOnlyDictionary<string, string> Headers);
