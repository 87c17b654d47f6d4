using System;
using GraphMail.Engine.Connections.Certificates;
using GraphMail.Engine.Connections.Failures;

namespace GraphMail.Engine.Connections;

/// <summary>A <see cref="ConnectionRequest"/> that passed every check that needs no network, with its hosts resolved.</summary>
internal sealed class ConnectionPlan
{
    private ConnectionPlan(TenantIdentifier? tenant, string? clientId, AppCredential credential, CloudEnvironment cloud, SandboxEndpoint? sandbox, string? defaultFrom)
    {
        Tenant = tenant;
        ClientId = clientId;
        Credential = credential;
        Cloud = cloud;
        Sandbox = sandbox;
        DefaultFrom = defaultFrom;
        Failures = new FailureContext(
            tenant?.Value ?? "(the managed identity's tenant)",
            clientId ?? (credential as ManagedIdentityCredential)?.UserAssignedClientId,
            sandbox is null ? cloud.Name.ToString() : "GraphMail.Sandbox",
            AuthorityHost,
            sandbox is not null,
            (credential as CertificateCredential)?.Certificate.Thumbprint,
            (credential as ManagedIdentityCredential)?.UserAssignedClientId)
        {
            CertificateNotAfter = credential is CertificateCredential certificate ? new DateTimeOffset(certificate.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) : null,
        };
    }

    internal TenantIdentifier? Tenant { get; }

    internal string? ClientId { get; }

    internal AppCredential Credential { get; }

    internal CloudEnvironment Cloud { get; }

    internal SandboxEndpoint? Sandbox { get; }

    internal string? DefaultFrom { get; }

    internal FailureContext Failures { get; }

    internal Uri AuthorityBaseUri => Sandbox?.AuthorityBaseUri ?? Cloud.AuthorityBaseUri;

    internal Uri GraphBaseUri => Sandbox?.GraphBaseUri ?? Cloud.GraphBaseUri;

    /// <summary>host, or host:port for a sandbox.</summary>
    internal string AuthorityHost => AuthorityBaseUri.IsDefaultPort ? AuthorityBaseUri.Host : AuthorityBaseUri.Authority;

    /// <summary>https://{authority host}/{tenant}: what MSAL's confidential client signs in against.</summary>
    internal string Authority => AuthorityBaseUri.GetLeftPart(UriPartial.Authority) + "/" + Tenant;

    /// <summary>The managed-identity resource; the client-credentials scope is this plus /.default.</summary>
    internal string GraphResource => Cloud.GraphResource;

    /// <summary>One line for -Verbose: where and how this signs in. Names and endpoints, never a secret.</summary>
    internal string Describe()
    {
        var cloud = Sandbox is null ? Cloud.Name.ToString() : "GraphMail.Sandbox (in place of " + Cloud.Name + ")";
        var authority = Credential is ManagedIdentityCredential
            ? "the managed identity endpoint of this Azure resource"
            : Authority;
        return $"Plan: cloud {cloud}; authority {authority}; Graph {GraphBaseUri}; credential {Credential}" +
            (ClientId is null ? "." : $" for app {ClientId}.");
    }

    internal static ConnectionPlan From(ConnectionRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var credential = request.Credential ?? throw new GraphMailException(ErrorIds.CredentialMissing, GraphMailErrorKind.InvalidArgument,
            "No credential was given.",
            "Pass -ClientSecret, -Credential, -CertificateThumbprint, -Certificate, -CertificatePath, -ManagedIdentity or -EnvironmentVariable.");
        var cloud = CloudOf(request.Environment);
        var isManagedIdentity = credential is ManagedIdentityCredential;
        var tenant = isManagedIdentity && string.IsNullOrWhiteSpace(request.TenantId) ? null : TenantIdentifier.Parse(request.TenantId);
        var clientId = isManagedIdentity ? null : InputChecks.ClientId(request.ClientId);
        var checkedCredential = credential switch
        {
            ClientSecretCredential { Secret.Length: 0 } => throw new GraphMailException(ErrorIds.ClientSecretEmpty, GraphMailErrorKind.InvalidArgument,
                $"The client secret for app '{clientId}' is empty.",
                "Pass the secret's Value from Entra ID > App registrations > the app > Certificates & secrets."),
            CertificateCredential certificate => CertificateChecks.RequirePrivateKey(certificate),
            ManagedIdentityCredential identity => new ManagedIdentityCredential(InputChecks.ManagedIdentityClientId(identity.UserAssignedClientId)),
            _ => credential,
        };
        return new ConnectionPlan(tenant, clientId, checkedCredential, cloud, request.Sandbox, InputChecks.DefaultFrom(request.DefaultFrom));
    }

    private static CloudEnvironment CloudOf(GraphMailEnvironment environment)
    {
        try
        {
            return CloudEnvironments.Get(environment);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new GraphMailException(ErrorIds.InvalidEnvironment, GraphMailErrorKind.InvalidArgument,
                $"'{environment}' is not a Microsoft cloud GraphMail knows.", "Use Global, USGov, USGovDoD or China.").Targeting(environment);
        }
    }
}
