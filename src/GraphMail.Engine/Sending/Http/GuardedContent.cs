using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// A request body that can be written once and says whether it started. The send path uses it to tell a request that
/// never left this machine (connection refused, DNS, TLS: safe to retry) from one whose body was handed to the
/// connection (it may have been processed: never replayed). It refuses a second write, because a second write means
/// the transport is replaying the request on its own (.NET retries a request on a reused HTTP/1.1 connection the
/// server closed, which could deliver a mail twice): the request then fails as ambiguous instead.
/// </summary>
internal sealed class GuardedContent : HttpContent
{
    private readonly ArraySegment<byte> _bytes;
    private int _writes;

    internal GuardedContent(ArraySegment<byte> bytes, string? mediaType)
    {
        _bytes = bytes;
        if (mediaType is not null)
        {
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        Headers.ContentLength = bytes.Count;
    }

    /// <summary>True once the transport began writing the body (even a zero-length one).</summary>
    internal bool BodyStarted => Volatile.Read(ref _writes) > 0;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        if (Interlocked.Increment(ref _writes) > 1)
        {
            throw new TransportReplayRefusedException();
        }

        if (_bytes.Count > 0)
        {
            await stream.WriteAsync(_bytes.Array!, _bytes.Offset, _bytes.Count).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _bytes.Count;
        return true;
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
