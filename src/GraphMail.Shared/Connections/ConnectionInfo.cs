using System;
using System.Globalization;
using System.Text;

namespace GraphMail;

/// <summary>
/// What Connect-GraphMail connected to, as PowerShell shows it. It holds no secret and no token: a credential is
/// described by its kind and, for a certificate, its public thumbprint.
/// </summary>
public sealed class ConnectionInfo
{
    private readonly string[] _roles;

    internal ConnectionInfo(
        Guid tenantId,
        string? tenantDomain,
        string clientId,
        CredentialKind credentialKind,
        string? certificateThumbprint,
        string? managedIdentityClientId,
        GraphMailEnvironment environment,
        bool isSandbox,
        string authorityHost,
        Uri graphEndpoint,
        DateTimeOffset tokenExpiresOn,
        string[] roles,
        string? defaultFrom)
    {
        TenantId = tenantId;
        TenantDomain = tenantDomain;
        ClientId = clientId;
        CredentialKind = credentialKind;
        CertificateThumbprint = certificateThumbprint;
        ManagedIdentityClientId = managedIdentityClientId;
        Environment = environment;
        IsSandbox = isSandbox;
        AuthorityHost = authorityHost;
        GraphEndpoint = graphEndpoint;
        TokenExpiresOn = tokenExpiresOn;
        _roles = (string[])roles.Clone();
        DefaultFrom = defaultFrom;
    }

    /// <summary>The tenant's GUID, from the token's <c>tid</c> claim.</summary>
    public Guid TenantId { get; }

    /// <summary>
    /// The tenant's domain: -TenantId when it was given as a domain; otherwise the -DefaultFrom domain, when that
    /// domain's OpenID configuration names this tenant. Empty when neither tells.
    /// </summary>
    public string? TenantDomain { get; }

    public string ClientId { get; }

    public CredentialKind CredentialKind { get; }

    /// <summary>SHA-1 thumbprint of the certificate's public part, for a certificate credential.</summary>
    public string? CertificateThumbprint { get; }

    /// <summary>Client ID of a user-assigned managed identity; empty for a system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; }

    public GraphMailEnvironment Environment { get; }

    /// <summary>True when connected to a GraphMail.Sandbox instead of Microsoft.</summary>
    public bool IsSandbox { get; }

    /// <summary>The Entra ID sign-in host, e.g. login.microsoftonline.com (host:port for a sandbox).</summary>
    public string AuthorityHost { get; }

    /// <summary>The Graph base URL requests go to, e.g. https://graph.microsoft.com/v1.0.</summary>
    public Uri GraphEndpoint { get; }

    /// <summary>When the latest access token expires; renewed by itself before then.</summary>
    public DateTimeOffset TokenExpiresOn { get; }

    /// <summary>The application permissions in the latest token; empty until an admin consents.</summary>
    public string[] Roles => (string[])_roles.Clone();

    /// <summary>The sender Send-GraphMail uses when -From is omitted.</summary>
    public string? DefaultFrom { get; }

    internal ConnectionInfo WithTenantDomain(string tenantDomain) =>
        new(TenantId, tenantDomain, ClientId, CredentialKind, CertificateThumbprint, ManagedIdentityClientId, Environment, IsSandbox,
            AuthorityHost, GraphEndpoint, TokenExpiresOn, _roles, DefaultFrom);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("App ").Append(ClientId)
            .Append(" in tenant ").Append(TenantDomain is null ? TenantId.ToString() : TenantDomain + " (" + TenantId + ")")
            .Append(IsSandbox ? ", GraphMail.Sandbox at " + AuthorityHost : ", " + Environment + " cloud")
            .Append(", ").Append(DescribeCredential())
            .Append(", token expires ").Append(TokenExpiresOn.ToString("u", CultureInfo.InvariantCulture));
        if (DefaultFrom is not null)
        {
            text.Append(", default sender ").Append(DefaultFrom);
        }

        return text.ToString();
    }

    private string DescribeCredential() => CredentialKind switch
    {
        CredentialKind.Certificate => "certificate " + CertificateThumbprint,
        CredentialKind.ManagedIdentity => ManagedIdentityClientId is null ? "system-assigned managed identity" : "user-assigned managed identity " + ManagedIdentityClientId,
        _ => "client secret",
    };
}
