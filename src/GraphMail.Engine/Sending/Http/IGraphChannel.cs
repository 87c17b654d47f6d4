using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// What the send path needs from a connection: where Graph is, a client on the connection's transport that adds
/// nothing (no Authorization header, no retry handler), and tokens. The send path sets the Authorization header
/// itself, so every transmission of a request that sends mail is one the send path decided on.
/// </summary>
public interface IGraphChannel
{
    /// <summary>https://graph.microsoft.com/v1.0 or the sandbox's equivalent, without a trailing slash.</summary>
    Uri GraphBaseUri { get; }

    /// <summary>The connection's transport with no Authorization header and no retries (also used for upload PUTs).</summary>
    HttpClient Http { get; }

    /// <summary>A Graph access token; <paramref name="forceRefresh"/> after Graph answered 401.</summary>
    Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
