using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;

namespace GraphMail.Engine.Connections;

/// <summary>Connect-GraphMail's engine: check the request, build the connection, get a first token so a bad credential fails now.</summary>
public static class Connector
{
    public static async Task<GraphMailConnection> ConnectAsync(ConnectionRequest request, CancellationToken cancellationToken)
    {
        ConnectionHttp? http = null;
        GraphMailConnection? connection = null;
        try
        {
            var plan = ConnectionPlan.From(request);
            http = ConnectionHttp.Create(plan.Sandbox);
            var msalHttp = new MsalHttpClientFactory(http.ForMsal);
            ITokenSource source = plan.Credential is ManagedIdentityCredential
                ? ManagedIdentityTokenSource.Create(plan, msalHttp)
                : ConfidentialClientTokenSource.Create(plan, msalHttp);
            connection = new GraphMailConnection(plan, http, source);
            var token = await connection.AcquireTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
            RequireTenant(plan, token);
            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                connection.Dispose();
            }
            else
            {
                http?.Dispose();
                if (request?.Credential is CertificateCredential { OwnsCertificate: true } loaded)
                {
                    loaded.Certificate.Dispose();
                }
            }

            throw;
        }
    }

    /// <summary>A managed identity's token names its tenant; when the user named a tenant by GUID, they must agree.</summary>
    private static void RequireTenant(ConnectionPlan plan, AccessTokenDetails token)
    {
        if (plan.Credential is ManagedIdentityCredential && plan.Tenant?.Id is { } expected &&
            Guid.TryParse(token.TenantId, out var actual) && actual != expected)
        {
            throw new GraphMailException(ErrorIds.ManagedIdentityTenantMismatch, GraphMailErrorKind.InvalidArgument,
                $"This managed identity belongs to tenant {actual}, not {expected}.",
                "Omit -TenantId with -ManagedIdentity (its token names its tenant), or run in the tenant you meant.");
        }
    }
}
