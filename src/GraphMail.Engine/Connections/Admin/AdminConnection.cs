using System;
using System.Threading;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;
using Microsoft.Graph;

namespace GraphMail.Engine.Connections.Admin;

/// <summary>
/// An administrator's delegated sign-in, per runspace and in memory: its tokens (renewed silently) and a Graph SDK
/// client for directory work over the same pooled transport, made on first use.
/// </summary>
public sealed class AdminConnection : IDisposable
{
    private readonly ConnectionHttp _http;
    private readonly ConnectionTokens _tokens;
    private readonly LazyGraphClient _graph;
    private int _disposed;

    internal AdminConnection(AdminConnectionInfo info, CloudEnvironment cloud, SandboxEndpoint? sandbox, ConnectionHttp http, ITokenSource source)
    {
        Info = info;
        Cloud = cloud;
        Sandbox = sandbox;
        _http = http;
        _tokens = new ConnectionTokens(source, _ => { });
        GraphBaseUri = sandbox?.GraphBaseUri ?? cloud.GraphBaseUri;
        _graph = new LazyGraphClient(http, _tokens, GraphBaseUri);
    }

    public AdminConnectionInfo Info { get; }

    internal CloudEnvironment Cloud { get; }

    internal SandboxEndpoint? Sandbox { get; }

    internal Uri GraphBaseUri { get; }

    /// <summary>Directory work's client: Microsoft.Graph loads here, on first use, in GraphMail's load context.</summary>
    internal GraphServiceClient Graph => _graph.Client;

    public override string ToString() => Info.ToString();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _graph.Dispose();
        _http.Dispose();
        _tokens.Dispose();
    }
}
