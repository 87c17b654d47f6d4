using System;
using System.Net.Http;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace GraphMail.Engine.Transport;

/// <summary>
/// A connection's HTTP: one transport handler (pooled; pinned for a sandbox, which is also held to loopback) under
/// every client the connection hands out. The clients do not own it; the connection disposes it once.
/// </summary>
internal sealed class ConnectionHttp : IDisposable
{
    private static readonly string UserAgent = "GraphMail/" + typeof(ConnectionHttp).Assembly.GetName().Version?.ToString(3);

    private ConnectionHttp(HttpMessageHandler transport, HttpClient forMsal)
    {
        Transport = transport;
        ForMsal = forMsal;
    }

    internal HttpMessageHandler Transport { get; }

    /// <summary>The one long-lived client MSAL uses for the token endpoint and managed identity.</summary>
    internal HttpClient ForMsal { get; }

    internal static ConnectionHttp Create(SandboxEndpoint? sandbox)
    {
        var transport = sandbox is null ? HttpTransport.CreateHandler(null) : new LoopbackOnlyHandler(HttpTransport.CreateHandler(sandbox));
        var msalHandler = sandbox is null ? transport : new SandboxManagedIdentityRedirect(sandbox, transport);
        return new ConnectionHttp(transport, new HttpClient(msalHandler, disposeHandler: false));
    }

    /// <summary>The Graph SDK client: its default middleware, with retries off (the send layer decides), then the token.</summary>
    internal GraphServiceClient CreateGraphClient(ConnectionTokens tokens, Uri graphBaseUri, out HttpClient httpClient)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                // The SDK would re-POST sendMail on 503/504, which can deliver a message twice.
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = 0, ShouldRetry = (_, _, _) => false });
            }
        }

        handlers.Add(new BearerTokenHandler(tokens, graphBaseUri));
        httpClient = GraphClientFactory.Create(handlers, finalHandler: Transport, disposeHandler: false);
        httpClient.BaseAddress = graphBaseUri;
        return new GraphServiceClient(httpClient, new AnonymousAuthenticationProvider(), graphBaseUri.ToString());
    }

    /// <summary>Raw Graph calls: the token, then the transport. Relative URLs resolve under /v1.0/.</summary>
    internal HttpClient CreateGraphHttp(ConnectionTokens tokens, Uri graphBaseUri) =>
        WithUserAgent(new HttpClient(new BearerTokenHandler(tokens, graphBaseUri, Transport), disposeHandler: false)
        {
            BaseAddress = new Uri(graphBaseUri.ToString().TrimEnd('/') + "/"),
        });

    /// <summary>
    /// Like <see cref="CreateGraphHttp(ConnectionTokens, Uri)"/> with <paramref name="aroundTransport"/> between the token
    /// handler and the transport, where it sees every transmission (the send path's duplicate guard).
    /// </summary>
    internal HttpClient CreateGraphHttp(ConnectionTokens tokens, Uri graphBaseUri, Func<HttpMessageHandler, DelegatingHandler> aroundTransport) =>
        WithUserAgent(new HttpClient(new BearerTokenHandler(tokens, graphBaseUri, aroundTransport(Transport)), disposeHandler: false)
        {
            BaseAddress = new Uri(graphBaseUri.ToString().TrimEnd('/') + "/"),
        });

    /// <summary>No Authorization header, ever: upload-session URLs carry their own token.</summary>
    internal HttpClient CreateAnonymous() => WithUserAgent(new HttpClient(Transport, disposeHandler: false));

    private static HttpClient WithUserAgent(HttpClient client)
    {
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    public void Dispose()
    {
        ForMsal.Dispose();
        Transport.Dispose();
    }
}
