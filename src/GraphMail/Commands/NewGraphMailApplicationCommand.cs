using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using GraphMail.Engine.Applications;

namespace GraphMail.Commands;

/// <summary>
/// Registers an app that sends as Mail.Send in one command: the registration, its service principal, admin consent,
/// a certificate (or -ClientSecret), and the wait until Entra ID accepts it. Running it again completes what is missing.
/// Its output pipes into Connect-GraphMail.
/// </summary>
[Cmdlet(VerbsCommon.New, "GraphMailApplication", DefaultParameterSetName = CertificateSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/New-GraphMailApplication.md")]
[OutputType(typeof(GraphMailApplication))]
public sealed partial class NewGraphMailApplicationCommand : GraphMailAdminCmdlet
{
    private const string CertificateSet = "Certificate";
    private const string SecretSet = "ClientSecret";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("Name")]
    public string DisplayName { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter MultiTenant { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RedirectUri { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
    public SwitchParameter ClientSecret { get; set; }

    [Parameter(ParameterSetName = CertificateSet)]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    [Parameter(ParameterSetName = CertificateSet)]
    public SecureString? CertificatePassword { get; set; }

    [Parameter]
    [ValidateRange(1, 730)]
    public int CredentialLifetimeDays { get; set; }

    [Parameter]
    public SwitchParameter RotateCredential { get; set; }

    [Parameter]
    [ValidateRange(0, 3600)]
    public int WaitTimeoutSeconds { get; set; } = 300;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Mailbox { get; set; }

    protected override void ProcessRecord()
    {
        GraphMailApplication app;
        try
        {
            var signIn = SignInRequest();
            var request = Request();
            app = AwaitWithHost(async (bridge, token) =>
            {
                request.Approve = (target, action) => bridge.Ask(() => ShouldProcess(target, action));
                request.Status = status => bridge.Post(() => WriteProgress(new ProgressRecord(1, "New-GraphMailApplication", status)));
                var admin = await AdminAsync(signIn, bridge, token).ConfigureAwait(false);
                var registered = await ApplicationRegistrar.RegisterAsync(admin.Connection, request, token).ConfigureAwait(false);
                registered.Sandbox = admin.SandboxText;
                return registered;
            });
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, e.ErrorId switch
            {
                ErrorIds.InvalidRedirectUri => RedirectUri,
                ErrorIds.CertificatePasswordRequired or ErrorIds.CertificateFileExists => CertificatePath,
                _ => DisplayName,
            });
            return;
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, "New-GraphMailApplication", "Done") { RecordType = ProgressRecordType.Completed });
        }

        if (Mailbox is { Length: > 0 } && app.ServicePrincipalObjectId.Length > 0)
        {
            HandOffMailboxScope(app, Mailbox);
        }

        WriteObject(app);
    }

    private ApplicationRequest Request() => new()
    {
        DisplayName = DisplayName,
        MultiTenant = MultiTenant.IsPresent,
        RedirectUri = RedirectUri,
        ClientSecret = ClientSecret.IsPresent,
        CertificatePath = CertificatePath is null ? null : ProviderPath(CertificatePath, nameof(CertificatePath)),
        CertificatePassword = CertificatePassword,
        CredentialLifetime = TimeSpan.FromDays(CredentialLifetimeDays > 0 ? CredentialLifetimeDays : ClientSecret ? 180 : 365),
        RotateCredential = RotateCredential.IsPresent,
        WaitTimeout = TimeSpan.FromSeconds(WaitTimeoutSeconds),
    };
}
