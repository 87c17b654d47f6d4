using System;
using System.Security;

namespace GraphMail.Engine.Applications;

/// <summary>What New-GraphMailApplication was asked for.</summary>
public sealed class ApplicationRequest
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>AzureADMultipleOrgs with a redirect URI, as a vendor's app is; default: single tenant.</summary>
    public bool MultiTenant { get; set; }

    /// <summary>Where Entra ID sends the admin after consent (-MultiTenant); default https://localhost.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>A client secret instead of a certificate.</summary>
    public bool ClientSecret { get; set; }

    /// <summary>A PFX file for the certificate and its key, instead of CurrentUser\My.</summary>
    public string? CertificatePath { get; set; }

    public SecureString? CertificatePassword { get; set; }

    /// <summary>How long the new certificate or secret is valid.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Add a new credential even when a working one exists.</summary>
    public bool RotateCredential { get; set; }

    /// <summary>How long to wait for Entra ID to accept the new credential; zero: do not wait.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Asks before each change (ShouldProcess); false leaves that change out. Default: yes to everything.</summary>
    public Func<string, string, bool> Approve { get; set; } = (_, _) => true;

    /// <summary>What is happening now, for the progress bar.</summary>
    public Action<string> Status { get; set; } = _ => { };
}
