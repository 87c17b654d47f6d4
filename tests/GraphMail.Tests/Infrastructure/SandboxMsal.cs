using System;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Infrastructure;

/// <summary>An MSAL HTTP client factory over one long-lived client that trusts the pinned sandbox certificate.</summary>
internal sealed class PinnedMsalHttpClientFactory(string pinnedThumbprint) : IMsalHttpClientFactory
{
    private readonly HttpClient _client = SandboxTls.CreateClient(pinnedThumbprint);

    public HttpClient GetHttpClient() => _client;
}

/// <summary>Builds real MSAL confidential clients against the sandbox (no instance discovery, pinned TLS).</summary>
internal static class SandboxMsal
{
    internal const string GraphScope = "https://graph.microsoft.com/.default";

    internal static string Authority(SandboxServer server, string tenant = SandboxDefaults.TenantDomain) => server.AuthorityBaseUri + tenant;

    internal static IConfidentialClientApplication WithSecret(SandboxServer server, string clientId, string secret, string tenant = SandboxDefaults.TenantDomain) =>
        Builder(server, clientId, tenant).WithClientSecret(secret).Build();

    internal static IConfidentialClientApplication WithCertificate(SandboxServer server, string clientId, X509Certificate2 certificate, string tenant = SandboxDefaults.TenantDomain) =>
        Builder(server, clientId, tenant).WithCertificate(certificate).Build();

    /// <summary>An access token for a seeded app from a fresh MSAL client (nothing cached).</summary>
    internal static async Task<string> TokenAsync(SandboxServer server, string clientId, string secret, string tenant = SandboxDefaults.TenantDomain) =>
        (await WithSecret(server, clientId, secret, tenant).AcquireTokenForClient([GraphScope]).ExecuteAsync()).AccessToken;

    internal static ConfidentialClientApplicationBuilder Builder(SandboxServer server, string clientId, string tenant = SandboxDefaults.TenantDomain) =>
        ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority(Authority(server, tenant))
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new PinnedMsalHttpClientFactory(server.CertificateThumbprint));
}
