using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// Sits right above the transport and sees each transmission of a request. For a <see cref="SendBody"/> it tells a
/// request that never left this machine (connection refused, DNS, TLS: safe to retry) from one whose body was handed
/// to a connection (it may have been processed: never replayed). It also refuses a second write within one
/// transmission: that is the transport replaying the request on its own (.NET does so on a reused HTTP/1.1
/// connection the server closed, which could deliver a mail twice); the request then fails as ambiguous instead.
/// </summary>
public sealed class TransmissionGuard : DelegatingHandler
{
    public TransmissionGuard(HttpMessageHandler transport)
        : base(transport)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not SendBody body)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        body.BeginTransmission();
        request.Content = new OneShot(body);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A handler above may send the request again (after a 401); it gets a fresh one-shot wrapper then.
            request.Content = body;
        }
    }

    private sealed class OneShot : HttpContent
    {
        private readonly SendBody _body;
        private int _writes;

        internal OneShot(SendBody body)
        {
            _body = body;
            foreach (var header in body.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            if (Interlocked.Increment(ref _writes) > 1)
            {
                throw new TransportReplayRefusedException();
            }

            _body.MarkStarted();
            await _body.WriteAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}

/// <summary>The transport tried to send a request body a second time on its own; GraphMail does not let it.</summary>
internal sealed class TransportReplayRefusedException : IOException
{
    internal TransportReplayRefusedException()
        : base("The connection was lost after the request was written, and the transport tried to send it again; GraphMail refused, to avoid a duplicate.")
    {
    }
}
