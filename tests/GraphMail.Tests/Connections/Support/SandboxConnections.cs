using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.Support;

/// <summary>Connection requests for the default sandbox seed, and what the sandbox logged for them.</summary>
internal static class SandboxConnections
{
    internal static SandboxEndpoint Endpoint(SandboxFixture sandbox) => SandboxEndpoint.Parse(sandbox.Server.ReadyLine);

    internal static ConnectionRequest Secret(SandboxFixture sandbox, string clientId = SandboxDefaults.SenderAppId, string secret = SandboxDefaults.SenderSecret, string tenant = SandboxDefaults.TenantDomain) => new()
    {
        TenantId = tenant,
        ClientId = clientId,
        Credential = new ClientSecretCredential(SecureStrings.From(secret)),
        Sandbox = Endpoint(sandbox),
    };

    internal static ConnectionRequest Certificate(SandboxFixture sandbox, X509Certificate2 certificate, string clientId = SandboxDefaults.SenderAppId) => new()
    {
        TenantId = SandboxDefaults.TenantDomain,
        ClientId = clientId,
        Credential = new CertificateCredential(certificate),
        Sandbox = Endpoint(sandbox),
    };

    internal static ConnectionRequest Certificate(SandboxFixture sandbox, CertificateCredential credential) => new()
    {
        TenantId = SandboxDefaults.TenantDomain,
        ClientId = SandboxDefaults.SenderAppId,
        Credential = credential,
        Sandbox = Endpoint(sandbox),
    };

    internal static ConnectionRequest ManagedIdentity(SandboxFixture sandbox, string? userAssignedClientId = null) => new()
    {
        Credential = new ManagedIdentityCredential(userAssignedClientId),
        Sandbox = Endpoint(sandbox),
    };

    internal static Task<GraphMailConnection> ConnectAsync(ConnectionRequest request) => Connector.ConnectAsync(request, TestTimeout.Token);

    /// <summary>Connect, expecting a GraphMailException.</summary>
    internal static Task<GraphMailException> FailAsync(ConnectionRequest request) => Assert.ThrowsAsync<GraphMailException>(() => ConnectAsync(request));

    internal static RecordedRequest[] Logged(SandboxFixture sandbox, string route) =>
        sandbox.Control.GetRequests().Where(r => r.Route == route).ToArray();

    internal static RecordedRequest[] TokenRequests(SandboxFixture sandbox) => Logged(sandbox, RouteNames.Token);

    /// <summary>The access token text the connection holds now (for secret-hygiene searches).</summary>
    internal static async Task<string> TokenTextAsync(GraphMailConnection connection) =>
        (await connection.Tokens.AcquireAsync(forceRefresh: false, TestTimeout.Token)).Value;
}
