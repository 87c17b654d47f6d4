using System.Security;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Bench.Sandbox;
using GraphMail.Engine.Connections;

namespace GraphMail.Bench.Sending;

/// <summary>Connect-GraphMail -Sandbox ... -ClientSecret ... -DefaultFrom noreply@contoso.com, through the engine.</summary>
public static class BenchConnection
{
    public static Task<GraphMailConnection> ConnectAsync(SandboxEndpoint sandbox, SandboxApp app, CancellationToken cancellationToken = default)
    {
        var secret = new SecureString();
        foreach (var c in app.Secret)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return Connector.ConnectAsync(new ConnectionRequest
        {
            TenantId = SandboxApp.Tenant,
            ClientId = app.ClientId,
            Credential = new ClientSecretCredential(secret),
            Sandbox = sandbox,
            DefaultFrom = SandboxApp.Sender,
        }, cancellationToken);
    }
}
