using System;
using System.Management.Automation;
using GraphMail.Engine.Setup;
using GraphMail.Errors;
using GraphMail.Exchange;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// Checks the real path layer by layer and says which one is wrong: one SetupCheckResult per check, then a
/// SetupSummary (or only $true/$false with -Quiet). Takes Connect-GraphMail's credential parameters, or tests the
/// runspace's connection (which it never replaces). ExchangeOnlineManagement's view is gathered here, on the pipeline thread;
/// with an administrator signed in (Connect-GraphMailAdmin) the Registration check reads the app in the directory.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "GraphMailSetup", DefaultParameterSetName = CurrentConnectionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Test-GraphMailSetup.md")]
[OutputType(typeof(SetupCheckResult), typeof(SetupSummary))]
[OutputType(typeof(bool))]
public sealed class TestGraphMailSetupCommand : GraphMailCredentialCmdlet
{
    private const string CurrentConnectionSet = "CurrentConnection";

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("From")]
    public string? Mailbox { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutOfScopeMailbox { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TestRecipient { get; set; }

    [Parameter]
    [Alias("ChangedAt")]
    public DateTime? PolicyChangedAt { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private RunspaceSession Session { get; } = RunspaceSessions.Current;

    protected override void ProcessRecord()
    {
        SetupReport report;
        try
        {
            var request = new SetupRequest
            {
                Credentials = HasCredentialParameters ? ToRequest() : CurrentConnectionOnly(),
                Connection = Session.Connection,
                Admin = Session.Admin?.Connection,
                Mailbox = Mailbox,
                OutOfScopeMailbox = OutOfScopeMailbox,
                TestRecipient = TestRecipient,
                PolicyChangedAt = PolicyChangedAt is { } changed ? new DateTimeOffset(changed) : null,
                VerificationApproved = TestRecipient is null || ShouldProcess(TestRecipient, "Send a GraphMail verification message"),
            };
            request.Exchange = ExchangeViewReader.Read(CurrentSessionExchange.Open(this), request);
            report = AwaitWithHost((bridge, token) =>
            {
                request.Status = line => bridge.Post(() => WriteVerbose(line));
                return SetupTester.Default.RunAsync(request, token);
            });
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, ErrorTargetOf(e, Mailbox));
            return;
        }

        if (Quiet)
        {
            WriteObject(report.Summary.Ready);
            return;
        }

        foreach (var check in report.Checks)
        {
            WriteObject(check);
        }

        WriteObject(report.Summary);
    }

    /// <summary>Without credential parameters the connection is tested as it is: -Environment and -Sandbox would change nothing.</summary>
    private Engine.Connections.ConnectionRequest? CurrentConnectionOnly() =>
        Sandbox is null && !EnvironmentGiven ? null : throw new GraphMailException(ErrorIds.SetupInputConflict, GraphMailErrorKind.InvalidArgument,
            "-Environment and -Sandbox need the credential parameters; without them the current connection is tested as it is.",
            "Add the credential parameters Connect-GraphMail takes (e.g. -TenantId, -ClientId, -ClientSecret), or leave -Environment and -Sandbox out.");
}
