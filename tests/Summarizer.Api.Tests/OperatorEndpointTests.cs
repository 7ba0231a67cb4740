using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Summarizer.Api.Tests;

/// <summary>The Orleans dashboard and the Scalar API reference on the real embedded silo.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class OperatorEndpointTests(SiloHostFixture silo)
{
    [Fact]
    public async Task Dashboard_page_is_served_and_its_counters_list_the_silo()
    {
        using var page = await silo.Client.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await Eventually.TrueAsync(async () =>
        {
            using var counters = await silo.Client.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative));
            if (counters.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var json = await counters.Content.ReadFromJsonAsync<JsonElement>();
            return json.TryGetProperty("hosts", out var hosts) && hosts.EnumerateArray().Count(h => h.GetProperty("status").GetString() == "Active") == 1;
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Docs_page_is_the_scalar_reference_over_the_openapi_document()
    {
        using var page = await silo.Client.GetAsync(new Uri("/docs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("scalar.js", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        using var script = await silo.Client.GetAsync(new Uri("/docs/scalar.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var document = await silo.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
