using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Sending.Http;

/// <summary>A connection seen by the send path: its Graph client with the transmission guard, and its token-less client.</summary>
public sealed class ConnectionChannel : IGraphChannel, IDisposable
{
    private readonly GraphMailConnection _connection;

    public ConnectionChannel(GraphMailConnection connection)
    {
        _connection = connection;
        GraphBaseUri = connection.GraphBaseUri;
        Graph = connection.CreateGraphHttp(transport => new TransmissionGuard(transport));
        Anonymous = connection.Anonymous;
    }

    public Uri GraphBaseUri { get; }

    public HttpClient Graph { get; }

    public HttpClient Anonymous { get; }

    public Task PrepareAsync(CancellationToken stop) => _connection.AcquireTokenAsync(forceRefresh: false, stop);

    public void Dispose() => Graph.Dispose();
}
