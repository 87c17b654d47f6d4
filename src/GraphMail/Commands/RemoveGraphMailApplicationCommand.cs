using System.Management.Automation;
using System.Security;
using GraphMail.Engine.Applications;

namespace GraphMail.Commands;

/// <summary>
/// The undo of New-GraphMailApplication: the app registration, its service principal (with its consent), and the local
/// certificate New-GraphMailApplication made for it. Takes the app by name, by client ID, or as New-GraphMailApplication's output.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "GraphMailApplication", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Remove-GraphMailApplication.md")]
[OutputType(typeof(GraphMailApplicationStep))]
public sealed class RemoveGraphMailApplicationCommand : GraphMailAdminCmdlet
{
    private const string NameSet = "DisplayName";
    private const string ClientIdSet = "ClientId";
    private const string ApplicationSet = "Application";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [Alias("Name")]
    public string? DisplayName { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ClientIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("AppId", "ApplicationId")]
    public string? ClientId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ApplicationSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GraphMailApplication? Application { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    [Parameter]
    public SecureString? CertificatePassword { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (Application is { } app)
        {
            // The object knows where the app lives and which PFX holds its key.
            TenantId ??= app.TenantId;
            Sandbox ??= app.Sandbox;
            if (!EnvironmentGiven && app.Sandbox is null)
            {
                Environment = app.Environment;
            }

            CertificatePath ??= app.CertificatePath;
            CertificatePassword ??= app.CertificatePassword;
        }

        var target = (object?)DisplayName ?? ClientId ?? Application?.ClientId;
        try
        {
            var signIn = SignInRequest();
            var request = new RemovalRequest
            {
                ClientId = ClientId ?? Application?.ClientId,
                DisplayName = DisplayName,
                CertificatePath = CertificatePath is null ? null : ProviderPath(CertificatePath, nameof(CertificatePath)),
                CertificatePassword = CertificatePassword,
            };
            var steps = AwaitWithHost(async (bridge, token) =>
            {
                request.Approve = (what, action) => bridge.Ask(() => ShouldProcess(what, action));
                request.Status = status => bridge.Post(() => WriteVerbose(status));
                var admin = await AdminAsync(signIn, bridge, token).ConfigureAwait(false);
                return await ApplicationRemover.RemoveAsync(admin.Connection, request, token).ConfigureAwait(false);
            });
            foreach (var step in steps)
            {
                WriteVerbose(step.ToString());
                if (PassThru)
                {
                    WriteObject(step);
                }
            }
        }
        catch (GraphMailException e)
        {
            WriteEngineError(e, target);
        }
    }
}
