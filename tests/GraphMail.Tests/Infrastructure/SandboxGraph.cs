using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using Microsoft.Graph;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace GraphMail.Tests.Infrastructure;

/// <summary>Builds the real Microsoft Graph SDK client against the sandbox, keeping Graph's middleware.</summary>
internal static class SandboxGraph
{
    /// <summary>
    /// A GraphServiceClient whose base URL is the sandbox's /v1.0 and whose final handler pins the sandbox certificate.
    /// <paramref name="retry"/> replaces the default RetryHandler's options (default: no retries, so tests see raw answers).
    /// </summary>
    internal static GraphServiceClient Create(SandboxServer server, IAccessTokenProvider tokens, RetryHandlerOption? retry = null)
    {
        var httpClient = CreateHttpClient(server, retry);
        return new GraphServiceClient(httpClient, new BaseBearerTokenAuthenticationProvider(tokens), server.GraphBaseUri.ToString());
    }

    internal static GraphServiceClient Create(SandboxServer server, IConfidentialClientApplication msal, RetryHandlerOption? retry = null) =>
        Create(server, new MsalAccessTokenProvider(msal), retry);

    /// <summary>Graph's default handler chain over the pinned handler, with the retry options replaced.</summary>
    internal static HttpClient CreateHttpClient(SandboxServer server, RetryHandlerOption? retry = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var index = handlers.FindIndex(h => h is RetryHandler);
        handlers[index] = new RetryHandler(retry ?? new RetryHandlerOption { MaxRetry = 0 });
        return GraphClientFactory.Create(handlers, finalHandler: SandboxTls.CreateHandler(server.CertificateThumbprint));
    }

    /// <summary>A request adapter that sends no Authorization header (upload URLs carry their own authtoken).</summary>
    internal static HttpClientRequestAdapter CreateAnonymousAdapter(SandboxServer server) =>
        new(new AnonymousAuthenticationProvider(), httpClient: CreateHttpClient(server)) { BaseUrl = server.GraphBaseUri.ToString() };
}

/// <summary>Gives Graph's bearer authentication provider tokens from MSAL, for the sandbox host only.</summary>
internal sealed class MsalAccessTokenProvider(IConfidentialClientApplication msal) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new(["127.0.0.1"]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }

        var result = await msal.AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}

/// <summary>A token provider for a fixed token (or none), to drive Graph's 401 paths through the SDK.</summary>
internal sealed class StaticAccessTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new(["127.0.0.1"]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(token);
}
