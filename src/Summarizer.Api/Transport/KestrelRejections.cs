using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Summarizer.Api.Transport;

/// <summary>
/// Connection middleware on every Kestrel endpoint: the connection's output goes through
/// <see cref="RejectionProblemWriter"/>, so the 400/408/414/431 responses Kestrel writes on its own
/// carry a problem+json body like every other error of the API. On a TLS endpoint it must sit after
/// <c>UseHttps</c> (it reads plain HTTP/1.x); the hosts here serve plain HTTP.
/// </summary>
public static class KestrelRejections
{
    public static ListenOptions UseProblemRejections(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var writer = new RejectionProblemWriter(transport.Output);
            connection.Transport = new Duplex(transport.Input, writer);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });
        return listen;
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
