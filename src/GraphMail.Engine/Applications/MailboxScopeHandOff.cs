using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Setup.Checks;
using GraphMail.Engine.Setup.Scoping;

namespace GraphMail.Engine.Applications;

/// <summary>New-GraphMailApplication -Mailbox: the New-GraphMailMailboxScope step for the new app, as a plan or as the command to run.</summary>
public static class MailboxScopeHandOff
{
    public static MailboxScopePlan Plan(GraphMailApplication app, IReadOnlyList<string> mailboxes) =>
        MailboxScopePlanner.Create(new MailboxScopeRequest
        {
            ClientId = app.ClientId,
            Mailboxes = mailboxes,
            ServicePrincipalObjectId = app.ServicePrincipalObjectId,
            DisplayName = app.DisplayName,
        });

    /// <summary>The command that restricts the app to <paramref name="mailboxes"/>, quoted for PowerShell.</summary>
    public static string CommandText(GraphMailApplication app, IReadOnlyList<string> mailboxes) =>
        $"New-GraphMailMailboxScope -ClientId {app.ClientId} -Mailbox {string.Join(",", mailboxes.Select(Remedies.Argument))} " +
        $"-ServicePrincipalObjectId {app.ServicePrincipalObjectId} -DisplayName {Remedies.Argument(app.DisplayName)}";
}
