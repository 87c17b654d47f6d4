using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using GraphMail.Engine.Connections.Tokens;
using Microsoft.Graph;

namespace GraphMail.Engine.Transport;

/// <summary>
/// A connection's Graph SDK client, made on first use. Nothing GraphMail sends goes through it (the send path uses
/// raw HTTP); directory work does (an admin connection's), and making it loads Microsoft.Graph (47.8 MiB in 6.10) and
/// Kiota. Until then no member that names a Graph or Kiota type runs, so neither assembly is loaded.
/// </summary>
internal sealed class LazyGraphClient : IDisposable
{
    private readonly object _gate = new();
    private readonly ConnectionHttp _http;
    private readonly ConnectionTokens _tokens;
    private readonly Uri _graphBaseUri;
    private GraphServiceClient? _client;
    private HttpClient? _httpClient;

    internal LazyGraphClient(ConnectionHttp http, ConnectionTokens tokens, Uri graphBaseUri)
    {
        _http = http;
        _tokens = tokens;
        _graphBaseUri = graphBaseUri;
    }

    internal GraphServiceClient Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= _http.CreateGraphClient(_tokens, _graphBaseUri, out _httpClient);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_httpClient is not null)
            {
                DisposeClient();
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DisposeClient()
    {
        _client!.Dispose();
        _httpClient!.Dispose();
    }
}
