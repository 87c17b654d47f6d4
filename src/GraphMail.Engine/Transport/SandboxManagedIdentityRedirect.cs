using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Transport;

/// <summary>
/// How a sandbox connection's managed identity reaches the sandbox without touching an environment variable:
/// MSAL picks the source as it would in Azure and builds its request; this handler, in the sandbox connection's
/// MSAL pipeline only, sends that request to the sandbox's endpoint of the same style instead.
/// App Service / Automation style (X-IDENTITY-HEADER): to managedIdentity.identityEndpoint, with the sandbox's header.
/// IMDS style (Metadata: true): to managedIdentity.imdsEndpoint.
/// </summary>
internal sealed class SandboxManagedIdentityRedirect : DelegatingHandler
{
    internal const string AppServiceHeader = "X-IDENTITY-HEADER";
    internal const string ImdsTokenPath = "/metadata/identity/oauth2/token";

    private readonly SandboxEndpoint _sandbox;

    internal SandboxManagedIdentityRedirect(SandboxEndpoint sandbox, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _sandbox = sandbox;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            if (request.Headers.Contains(AppServiceHeader))
            {
                var endpoint = Required("identityEndpoint", _sandbox.ManagedIdentity?.IdentityEndpoint);
                request.RequestUri = WithQuery(endpoint, uri.Query);
                request.Headers.Remove(AppServiceHeader);
                request.Headers.TryAddWithoutValidation(AppServiceHeader, _sandbox.ManagedIdentity?.IdentityHeader ?? string.Empty);
            }
            else if (request.Headers.TryGetValues("Metadata", out var metadata) && metadata.Contains("true", StringComparer.OrdinalIgnoreCase))
            {
                var imds = Required("imdsEndpoint", _sandbox.ManagedIdentity?.ImdsEndpoint);
                request.RequestUri = WithQuery(imds.AbsolutePath.Trim('/').Length == 0 ? new Uri(imds, ImdsTokenPath) : imds, uri.Query);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static Uri WithQuery(Uri endpoint, string query) =>
        new UriBuilder(endpoint) { Query = string.IsNullOrEmpty(endpoint.Query) ? query.TrimStart('?') : endpoint.Query.TrimStart('?') + "&" + query.TrimStart('?') }.Uri;

    private static Uri Required(string name, Uri? uri) =>
        uri ?? throw new HttpRequestException($"The sandbox's ready line has no managedIdentity.{name}, so this managed-identity request has nowhere to go.");
}
