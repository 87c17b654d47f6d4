using System.Management.Automation;
using GraphMail.Engine.Setup.Scoping;
using GraphMail.Exchange;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// The Exchange Online commands that restrict an app to its mailboxes: RBAC for Applications by default, an
/// application access policy with -Legacy. Runs them (each under ShouldProcess) when ExchangeOnlineManagement is
/// connected in the session; otherwise, or with -AsScript, writes them as text.
/// </summary>
[Cmdlet(VerbsCommon.New, "GraphMailMailboxScope", DefaultParameterSetName = RbacSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/New-GraphMailMailboxScope.md")]
[OutputType(typeof(string), typeof(MailboxScopeStep))]
public sealed class NewGraphMailMailboxScopeCommand : GraphMailCmdlet
{
    private const string RbacSet = "Rbac";
    private const string LegacySet = "Legacy";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("AppId", "ApplicationId")]
    public string ClientId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] Mailbox { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = RbacSet)]
    [ValidateNotNullOrEmpty]
    [Alias("ObjectId")]
    public string? ServicePrincipalObjectId { get; set; }

    [Parameter(ParameterSetName = RbacSet)]
    public string? DisplayName { get; set; }

    [Parameter(ParameterSetName = RbacSet)]
    public string? ScopeName { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = LegacySet)]
    public SwitchParameter Legacy { get; set; }

    [Parameter(ParameterSetName = LegacySet)]
    public string? GroupName { get; set; }

    [Parameter(ParameterSetName = LegacySet)]
    public string? Description { get; set; }

    [Parameter]
    public SwitchParameter AsScript { get; set; }

    protected override void ProcessRecord()
    {
        MailboxScopePlan plan;
        try
        {
            plan = MailboxScopePlanner.Create(new MailboxScopeRequest
            {
                ClientId = ClientId,
                Mailboxes = Mailbox,
                ServicePrincipalObjectId = ServicePrincipalObjectId,
                Legacy = Legacy.IsPresent,
                DisplayName = DisplayName,
                ScopeName = ScopeName,
                GroupName = GroupName,
                Description = Description,
                Connection = RunspaceSessions.Current.Connection?.Info,
            });
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, ClientId);
            return;
        }

        foreach (var warning in plan.Warnings)
        {
            WriteWarning(warning);
        }

        var exchange = AsScript ? null : CurrentSessionExchange.Open(this);
        if (exchange is null || exchange.NotConnectedReason is not null)
        {
            WriteVerbose("Writing the commands as text: " + (exchange?.NotConnectedReason ?? "-AsScript") + ".");
            WriteObject(plan.ScriptLines(), enumerateCollection: true);
            return;
        }

        foreach (var step in ScopeRunner.Run(plan, exchange, command => ShouldProcess(command.ToText(), "Run in Exchange Online")))
        {
            WriteObject(step);
        }
    }
}
