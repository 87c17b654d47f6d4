using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Engine.Transport;

/// <summary>
/// Puts the connection's token on requests to its Graph host, and only there (never on a redirect or an upload URL
/// elsewhere). When Graph answers 401 InvalidAuthenticationToken (expired or revoked), it renews the token once and
/// sends the request once more: a 401 means the request was refused, so repeating it cannot duplicate anything.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly ConnectionTokens _tokens;
    private readonly Uri _graphBaseUri;

    internal BearerTokenHandler(ConnectionTokens tokens, Uri graphBaseUri, HttpMessageHandler? innerHandler = null)
    {
        _tokens = tokens;
        _graphBaseUri = graphBaseUri;
        if (innerHandler is not null)
        {
            InnerHandler = innerHandler;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !IsGraph(uri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Content is not null)
        {
            // A second send must be able to read the body again.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var token = await _tokens.AcquireAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await GraphAnswers.IsRejectedTokenAsync(response).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        var renewed = await _tokens.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private bool IsGraph(Uri uri) =>
        Uri.Compare(uri, _graphBaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
