using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Summarizer.Api;

/// <summary><c>GET /</c>: a small page to paste an article and watch the brief and quotes arrive.</summary>
public static class WebPage
{
    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("Summarizer.Api.wwwroot.index.html")
            ?? throw new InvalidOperationException("The web page resource is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapSummarizerPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Bytes(Html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
