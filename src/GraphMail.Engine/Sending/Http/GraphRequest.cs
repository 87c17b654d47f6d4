using System;
using System.Net.Http;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// One logical request: where, whose mailbox it counts against (Outlook's concurrency limit), what body (the same
/// bytes on every attempt), and how safe a replay is.
/// </summary>
internal sealed class GraphRequest
{
    internal GraphRequest(HttpMethod method, Uri uri, string mailbox, RequestSafety safety, ArraySegment<byte>? body = null, string? mediaType = null,
        bool authorize = true, Action<HttpRequestMessage>? configure = null)
    {
        Method = method;
        Uri = uri;
        Mailbox = mailbox;
        Safety = safety;
        Body = body;
        MediaType = mediaType;
        Authorize = authorize;
        Configure = configure;
    }

    internal HttpMethod Method { get; }
    internal Uri Uri { get; }

    /// <summary>The sender mailbox; upload URLs count against it too.</summary>
    internal string Mailbox { get; }

    internal RequestSafety Safety { get; }

    /// <summary>Null for no body at all (GET, DELETE); an empty segment for an explicit Content-Length: 0.</summary>
    internal ArraySegment<byte>? Body { get; }

    internal string? MediaType { get; }

    /// <summary>False for upload-session PUTs: their URL carries its own token and must get no Authorization header.</summary>
    internal bool Authorize { get; }

    /// <summary>Extra headers (Content-Range on a chunk).</summary>
    internal Action<HttpRequestMessage>? Configure { get; }
}
