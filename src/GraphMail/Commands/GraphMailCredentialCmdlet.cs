using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Commands;

/// <summary>
/// The parameters that prove an app's identity, one parameter set per credential kind, shared by every cmdlet that
/// signs in (Connect-GraphMail, Test-GraphMailSetup), so the names, aliases and sets are the same everywhere.
/// </summary>
public abstract partial class GraphMailCredentialCmdlet : GraphMailCloudCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.ClientSecret)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.Credential)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.CertificateThumbprint)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.Certificate)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.CertificatePath)]
    [Parameter(ParameterSetName = ConnectParameterSets.ManagedIdentity)]
    [ValidateNotNullOrEmpty]
    [Alias("Tenant")]
    public string? TenantId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.ClientSecret)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.CertificateThumbprint)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.Certificate)]
    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.CertificatePath)]
    [ValidateNotNullOrEmpty]
    [Alias("AppId", "ApplicationId")]
    public string? ClientId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.ClientSecret)]
    public SecureString? ClientSecret { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.Credential)]
    [Credential]
    [Alias("ClientSecretCredential")]
    public PSCredential? Credential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.CertificateThumbprint)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.Certificate)]
    [ValidateNotNull]
    public X509Certificate2? Certificate { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.CertificatePath)]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    [Parameter(ParameterSetName = ConnectParameterSets.CertificatePath)]
    public SecureString? CertificatePassword { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.ManagedIdentity)]
    [Alias("Identity")]
    public SwitchParameter ManagedIdentity { get; set; }

    [Parameter(ParameterSetName = ConnectParameterSets.ManagedIdentity)]
    [ValidateNotNullOrEmpty]
    public string? ManagedIdentityClientId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectParameterSets.EnvironmentVariable)]
    public SwitchParameter EnvironmentVariable { get; set; }

    /// <summary>New-GraphMailApplication's output: its tenant, client ID, credential, cloud and sandbox.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ConnectParameterSets.Application)]
    [ValidateNotNull]
    public GraphMailApplication? Application { get; set; }
}
