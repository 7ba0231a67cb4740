using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Summarizer.Api;

/// <summary>
/// <c>GET /</c>: a small page to paste an article and watch the brief and quotes arrive;
/// <c>GET /collections</c>: several links or texts about one story as a collection.
/// </summary>
public static class WebPage
{
    private static readonly Lazy<byte[]> Index = new(() => Load("index.html"));

    private static readonly Lazy<byte[]> Collections = new(() => Load("collections.html"));

    private static readonly Lazy<byte[]> Styles = new(() => Load("site.css"));

    public static IEndpointRouteBuilder MapSummarizerPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Bytes(Index.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/collections", () => TypedResults.Bytes(Collections.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/site.css", () => TypedResults.Bytes(Styles.Value, "text/css; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("Summarizer.Api.wwwroot." + name)
            ?? throw new InvalidOperationException($"The web page resource {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
