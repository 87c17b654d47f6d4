using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections;

/// <summary>Connect-GraphMail's engine: check the request, build the connection, get a first token so a bad credential fails now.</summary>
public static class Connector
{
    public static Task<GraphMailConnection> ConnectAsync(ConnectionRequest request, CancellationToken cancellationToken) =>
        ConnectAsync(request, verbose: null, cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(ConnectionRequest, CancellationToken)"/>, telling <paramref name="verbose"/> the plan
    /// (cloud, authority, Graph endpoint, credential kind) before signing in and the token's expiry after: never a secret.
    /// </summary>
    public static async Task<GraphMailConnection> ConnectAsync(ConnectionRequest request, Action<string>? verbose, CancellationToken cancellationToken)
    {
        ConnectionHttp? http = null;
        GraphMailConnection? connection = null;
        try
        {
            var plan = ConnectionPlan.From(request);
            verbose?.Invoke(plan.Describe());
            http = ConnectionHttp.Create(plan.Sandbox);
            connection = new GraphMailConnection(plan, http, CreateTokenSource(plan, new MsalHttpClientFactory(http.ForMsal)));
            var token = await connection.AcquireTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
            RequireTenant(plan, token);
            verbose?.Invoke("Signed in: the token expires " + token.ExpiresOn.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ".");
            await LearnTenantDomainAsync(connection, verbose, cancellationToken).ConfigureAwait(false);
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

    private static ITokenSource CreateTokenSource(ConnectionPlan plan, MsalHttpClientFactory msalHttp)
    {
        try
        {
            return plan.Credential is ManagedIdentityCredential
                ? ManagedIdentityTokenSource.Create(plan, msalHttp)
                : ConfidentialClientTokenSource.Create(plan, msalHttp);
        }
        catch (MsalException e)
        {
            // MSAL's builders check their input too; GraphMail's own checks should have caught it first.
            throw MsalFailures.Map(e, plan.Failures, plan.AuthorityHost);
        }
    }

    /// <summary>
    /// A tenant named by GUID (or by a managed identity's token) has no domain yet: the default sender's domain is
    /// one when its OpenID configuration names the same tenant. One anonymous lookup, skipped when it fails.
    /// </summary>
    private static async Task LearnTenantDomainAsync(GraphMailConnection connection, Action<string>? verbose, CancellationToken cancellationToken)
    {
        var plan = connection.Plan;
        if (plan.Tenant?.Domain is not null || plan.DefaultFrom is null)
        {
            return;
        }

        var tenantId = connection.Info.TenantId;
        var domain = await TenantDomainFinder.FindAsync(OpenIdTenantDirectory.Default, plan.AuthorityBaseUri, plan.Sandbox, tenantId, new[] { plan.DefaultFrom }, cancellationToken).ConfigureAwait(false);
        if (domain is not null)
        {
            connection.LearnTenantDomain(domain);
            verbose?.Invoke($"Tenant {tenantId:D} is {domain}: the default sender's domain belongs to it.");
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
