namespace Summarizer.Testing;

/// <summary>
/// Adds <c>X-Silo: &lt;silo name&gt;</c> to every backend request a test silo makes, so the loopback
/// server can tell which silo each model call came from.
/// </summary>
public sealed class SiloHeaderHandler(string silo) : DelegatingHandler
{
    public const string Header = "X-Silo";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(Header);
        request.Headers.Add(Header, silo);
        return base.SendAsync(request, cancellationToken);
    }
}
