using GraphMail.Session;
using System.Management.Automation;

namespace GraphMail.Commands;

/// <summary>
/// Signs an administrator in for directory work (New-/Remove-GraphMailApplication, Test-GraphMailSetup's registration
/// check): a device code by default, the browser with -Interactive; Application.ReadWrite.All and
/// AppRoleAssignment.ReadWrite.All only; kept in memory for this session.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "GraphMailAdmin", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Connect-GraphMailAdmin.md")]
[OutputType(typeof(AdminConnectionInfo))]
public sealed class ConnectGraphMailAdminCommand : GraphMailAdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("Tenant")]
    public override string? TenantId { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        AdminSession session;
        try
        {
            var request = SignInRequest();
            session = AwaitWithHost((bridge, token) => SignInAsync(request, bridge, token));
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, e.ErrorId == ErrorIds.AdminSignInFailed && AdminClientId is not null ? AdminClientId : TenantId);
            return;
        }

        WriteVerbose("Signed in: " + session.Connection.Info);
        if (PassThru)
        {
            WriteObject(session.Connection.Info);
        }
    }
}
