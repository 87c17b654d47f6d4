using System;
using System.Collections.Generic;
using System.Security;

namespace GraphMail;

/// <summary>
/// What New-GraphMailApplication made or found: the values a vendor asks for (tenant ID, client ID, and the
/// certificate thumbprint or the secret's expiry), and what Connect-GraphMail needs (pipe it there). The secret, if
/// one was made, is only in <see cref="ClientSecret"/> as a SecureString: never in ToString or the default view.
/// </summary>
public sealed class GraphMailApplication
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The Directory (tenant) ID.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The tenant as the admin named it, when it was a domain.</summary>
    public string? TenantDomain { get; set; }

    /// <summary>The Application (client) ID.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The app registration's object ID.</summary>
    public string ApplicationObjectId { get; set; } = string.Empty;

    /// <summary>The enterprise application's (service principal's) object ID: what New-GraphMailMailboxScope and Exchange's New-ServicePrincipal want.</summary>
    public string ServicePrincipalObjectId { get; set; } = string.Empty;

    /// <summary>AzureADMyOrg (single tenant) or AzureADMultipleOrgs (-MultiTenant).</summary>
    public string SignInAudience { get; set; } = "AzureADMyOrg";

    public IReadOnlyList<string> RedirectUris { get; set; } = Array.Empty<string>();

    /// <summary>The application permissions granted by admin consent (Mail.Send).</summary>
    public IReadOnlyList<string> Permissions { get; set; } = Array.Empty<string>();

    /// <summary>Certificate or ClientSecret; null when no credential was made or found (-WhatIf).</summary>
    public string? CredentialType { get; set; }

    public string? CertificateThumbprint { get; set; }

    /// <summary>Where the certificate's private key is: Cert:\CurrentUser\My\&lt;thumbprint&gt;, or the PFX file.</summary>
    public string? CertificateLocation { get; set; }

    /// <summary>The PFX file given to -CertificatePath (its password is the one given with it).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, as given.</summary>
    public SecureString? CertificatePassword { get; set; }

    /// <summary>The new client secret, once: Entra ID never shows it again. Null for a certificate, or a secret that already existed.</summary>
    public SecureString? ClientSecret { get; set; }

    /// <summary>When the certificate or the secret stops working.</summary>
    public DateTimeOffset? CredentialExpiresOn { get; set; }

    /// <summary>True once Entra ID accepted the credential (the replication wait is over).</summary>
    public bool SignInVerified { get; set; }

    /// <summary>Global, USGov, USGovDoD or China.</summary>
    public GraphMailEnvironment Environment { get; set; } = GraphMailEnvironment.Global;

    /// <summary>The sandbox's ready line when the app lives in a GraphMail.Sandbox; null otherwise.</summary>
    public string? Sandbox { get; set; }

    /// <summary>Each step, how it went (Created, Found, Updated, Verified, Skipped).</summary>
    public IReadOnlyList<GraphMailApplicationStep> Steps { get; set; } = Array.Empty<GraphMailApplicationStep>();

    public override string ToString()
    {
        var credential = CredentialType switch
        {
            "Certificate" => $", certificate {CertificateThumbprint}",
            "ClientSecret" => ", client secret",
            _ => string.Empty,
        };
        var expires = CredentialExpiresOn is { } end ? $" until {end:yyyy-MM-dd}" : string.Empty;
        return $"{DisplayName}: client ID {ClientId} in tenant {TenantId}{credential}{expires}";
    }
}
