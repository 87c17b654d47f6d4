using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;

namespace GraphMail.Tests.Connections.Support;

/// <summary>Real GraphMailConnections whose tokens come from a fake: for session tests that send nothing.</summary>
internal static class OfflineConnections
{
    internal static async Task<GraphMailConnection> CreateAsync(FakeTokenSource? tokens = null)
    {
        var plan = ConnectionPlan.From(new ConnectionRequest
        {
            TenantId = "contoso.com",
            ClientId = "51c27551-41e7-4952-a996-08bd0bfb1752",
            Credential = new ClientSecretCredential(SecureStrings.From("offline")),
        });
        var connection = new GraphMailConnection(plan, ConnectionHttp.Create(null), tokens ?? new FakeTokenSource());
        await connection.AcquireTokenAsync(forceRefresh: false, CancellationToken.None);
        return connection;
    }
}
