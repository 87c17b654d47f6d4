using System.Net.Http;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>Hands MSAL the connection's one long-lived HttpClient (pooled connections; the sandbox pin when there is one).</summary>
internal sealed class MsalHttpClientFactory : IMsalHttpClientFactory
{
    private readonly HttpClient _client;

    internal MsalHttpClientFactory(HttpClient client) => _client = client;

    public HttpClient GetHttpClient() => _client;
}
