using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Configuration;
using GraphMail.Errors;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>Connects this runspace to Microsoft Graph as an app (secret, certificate, managed identity or environment variables).</summary>
[Cmdlet(VerbsCommunications.Connect, "GraphMail", DefaultParameterSetName = ConnectParameterSets.ClientSecret)]
[OutputType(typeof(ConnectionInfo))]
public sealed partial class ConnectGraphMailCommand : GraphMailCmdlet
{
    private GraphMailEnvironment _environment = GraphMailEnvironment.Global;
    private bool _environmentGiven;

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

    [Parameter]
    public GraphMailEnvironment Environment
    {
        get => _environment;
        set
        {
            _environment = value;
            _environmentGiven = true;
        }
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Sandbox { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefaultFrom { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Where -EnvironmentVariable reads from; tests put a dictionary here.</summary>
    internal IEnvironmentVariables Variables { get; set; } = ProcessEnvironmentVariables.Instance;

    /// <summary>Which session Connect replaces; tests pass their own.</summary>
    internal RunspaceSession Session { get; set; } = RunspaceSessions.Current;

    protected override void ProcessRecord()
    {
        GraphMailConnection connection;
        try
        {
            var request = ToRequest();
            WriteVerbose(request.ToString());
            connection = Await(cancellation => Connector.ConnectAsync(request, cancellation));
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, ErrorTarget);
            return;
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            ThrowTerminatingError(ErrorRecords.Stopped(ErrorTarget));
            return;
        }

        Session.Replace(connection);
        WriteVerbose("Connected: " + connection.Info);
        foreach (var warning in ConnectionAdvice.Warnings(connection.Info))
        {
            WriteWarning(warning);
        }

        if (PassThru)
        {
            WriteObject(connection.Info);
        }
    }
}
