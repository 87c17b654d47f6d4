using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// What the send path needs from a connection: where Graph is, a client that authorizes Graph requests (renewing the
/// token once on 401) with a <see cref="TransmissionGuard"/> right above the transport and no retry handler, and a
/// client that adds nothing, for upload-session URLs (they carry their own token).
/// </summary>
public interface IGraphChannel
{
    /// <summary>https://graph.microsoft.com/v1.0 or the sandbox's equivalent.</summary>
    Uri GraphBaseUri { get; }

    HttpClient Graph { get; }

    HttpClient Anonymous { get; }

    /// <summary>
    /// Has a token at hand (waiting out a busy token service) before a request goes on the wire. It honours the stop
    /// token, which a request that sends mail does not: Ctrl+C ends a wait for a token, never a send in progress.
    /// </summary>
    Task PrepareAsync(CancellationToken stop);
}
