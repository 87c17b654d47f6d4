using System;
using System.Net.Http;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Sending.Http;

/// <summary>A connection seen by the send path: its Graph client with the transmission guard, and its token-less client.</summary>
public sealed class ConnectionChannel : IGraphChannel, IDisposable
{
    public ConnectionChannel(GraphMailConnection connection)
    {
        GraphBaseUri = connection.GraphBaseUri;
        Graph = connection.CreateGraphHttp(transport => new TransmissionGuard(transport));
        Anonymous = connection.Anonymous;
    }

    public Uri GraphBaseUri { get; }

    public HttpClient Graph { get; }

    public HttpClient Anonymous { get; }

    public void Dispose() => Graph.Dispose();
}
