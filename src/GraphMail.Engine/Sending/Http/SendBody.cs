using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// A request body (the same bytes on every attempt) that remembers whether the last transmission of it began
/// writing to a connection. <see cref="TransmissionGuard"/> sets that; a body handler above it may buffer the body
/// (the token handler does, to resend after a 401), which is not a transmission.
/// </summary>
internal sealed class SendBody : HttpContent
{
    private readonly ArraySegment<byte> _bytes;
    private int _started;

    internal SendBody(ArraySegment<byte> bytes, string? mediaType)
    {
        _bytes = bytes;
        if (mediaType is not null)
        {
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        Headers.ContentLength = bytes.Count;
    }

    /// <summary>True when the last transmission began handing the body to a connection (even a zero-length body).</summary>
    internal bool Started => Volatile.Read(ref _started) == 1;

    internal int Length => _bytes.Count;

    internal void BeginTransmission() => Volatile.Write(ref _started, 0);

    internal void MarkStarted() => Volatile.Write(ref _started, 1);

    internal Task WriteAsync(Stream stream) =>
        _bytes.Count == 0 ? Task.CompletedTask : stream.WriteAsync(_bytes.Array!, _bytes.Offset, _bytes.Count);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => WriteAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = _bytes.Count;
        return true;
    }
}
