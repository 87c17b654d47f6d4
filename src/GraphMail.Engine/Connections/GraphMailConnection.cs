using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;
using Microsoft.Graph;

namespace GraphMail.Engine.Connections;

/// <summary>
/// One connection to Graph as one app in one tenant: its tokens (renewed by themselves), a Graph SDK client (made on
/// first use), a raw Graph HttpClient and a token-less HttpClient, all over one pooled transport. Made by <see cref="Connector"/>.
/// </summary>
public sealed class GraphMailConnection : IDisposable
{
    private readonly ConnectionPlan _plan;
    private readonly ConnectionHttp _http;
    private readonly ConnectionTokens _tokens;
    private readonly LazyGraphClient _graph;
    private ConnectionInfo? _info;
    private string? _learnedTenantDomain;
    private int _disposed;

    internal GraphMailConnection(ConnectionPlan plan, ConnectionHttp http, ITokenSource source)
    {
        _plan = plan;
        _http = http;
        _tokens = new ConnectionTokens(source, token => Volatile.Write(ref _info, Describe(token.Details)));
        GraphBaseUri = plan.GraphBaseUri;
        _graph = new LazyGraphClient(http, _tokens, GraphBaseUri);
        GraphHttp = http.CreateGraphHttp(_tokens, GraphBaseUri);
        Anonymous = http.CreateAnonymous();
    }

    /// <summary>What this connection is, with the latest token's expiry and roles.</summary>
    public ConnectionInfo Info => Volatile.Read(ref _info) ?? throw new InvalidOperationException("The connection has no token yet.");

    /// <summary>https://graph.microsoft.com/v1.0, the national cloud's, or the sandbox's.</summary>
    public Uri GraphBaseUri { get; }

    /// <summary>The Graph SDK client, made on first use. Its RetryHandler retries nothing: retries are the send layer's decision.</summary>
    public GraphServiceClient Graph => _graph.Client;

    /// <summary>Raw Graph calls with the connection's token; relative URLs resolve under the Graph base URL.</summary>
    public HttpClient GraphHttp { get; }

    /// <summary>The same transport without any Authorization header, for upload-session URLs.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>A token's details (never its text): from MSAL's cache unless it is near expiry or <paramref name="forceRefresh"/>.</summary>
    public async Task<AccessTokenDetails> AcquireTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        (await _tokens.AcquireAsync(forceRefresh, cancellationToken).ConfigureAwait(false)).Details;

    /// <summary>How the connection was made: its cloud, authority and sandbox.</summary>
    internal ConnectionPlan Plan => _plan;

    /// <summary>A domain of the tenant confirmed after sign-in (the tenant was named by GUID, or not at all): Info shows it from now on.</summary>
    internal void LearnTenantDomain(string domain)
    {
        Volatile.Write(ref _learnedTenantDomain, domain);
        if (Volatile.Read(ref _info) is { TenantDomain: null } info)
        {
            Volatile.Write(ref _info, info.WithTenantDomain(domain));
        }
    }

    /// <summary>The connection's tokens with their text, for engine code that sets its own Authorization header.</summary>
    internal ConnectionTokens Tokens => _tokens;

    /// <summary>
    /// A client like <see cref="GraphHttp"/> with a handler of the caller's between the token handler and the transport
    /// (the send path watches each transmission there). The caller disposes the client; the transport stays the connection's.
    /// </summary>
    internal HttpClient CreateGraphHttp(Func<HttpMessageHandler, DelegatingHandler> aroundTransport) =>
        _http.CreateGraphHttp(_tokens, GraphBaseUri, aroundTransport);

    public override string ToString() => Volatile.Read(ref _info)?.ToString() ?? "GraphMail connection (no token yet)";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _graph.Dispose();
        GraphHttp.Dispose();
        Anonymous.Dispose();
        _http.Dispose();
        _tokens.Dispose();
        if (_plan.Credential is CertificateCredential { OwnsCertificate: true } certificate)
        {
            certificate.Certificate.Dispose();
        }
    }

    private ConnectionInfo Describe(AccessTokenDetails token)
    {
        var managedIdentity = _plan.Credential as ManagedIdentityCredential;
        return new ConnectionInfo(
            Guid.TryParse(token.TenantId, out var tid) ? tid : _plan.Tenant?.Id ?? Guid.Empty,
            _plan.Tenant?.Domain ?? Volatile.Read(ref _learnedTenantDomain),
            _plan.ClientId ?? token.AppId ?? managedIdentity?.UserAssignedClientId ?? "(managed identity)",
            _plan.Credential.Kind,
            (_plan.Credential as CertificateCredential)?.Certificate.Thumbprint,
            managedIdentity?.UserAssignedClientId,
            _plan.Cloud.Name,
            _plan.Sandbox is not null,
            _plan.AuthorityHost,
            GraphBaseUri,
            token.ExpiresOn,
            token.Roles,
            _plan.DefaultFrom);
    }
}
