using System;

namespace GraphMail.Engine.Applications;

/// <summary>What Remove-GraphMailApplication was asked to remove: the app by client ID or by display name.</summary>
public sealed class RemovalRequest
{
    public string? ClientId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>A PFX New-GraphMailApplication wrote for the app: deleted too when it holds one of the app's certificates.</summary>
    public string? CertificatePath { get; set; }

    public System.Security.SecureString? CertificatePassword { get; set; }

    /// <summary>ShouldProcess for the removal as a whole (target, action).</summary>
    public Func<string, string, bool> Approve { get; set; } = (_, _) => true;

    public Action<string> Status { get; set; } = _ => { };
}
