using System.Linq;
using GraphMail.Engine.Applications;
using GraphMail.Exchange;

namespace GraphMail.Commands;

/// <summary>-Mailbox: New-GraphMailMailboxScope's steps when ExchangeOnlineManagement is connected here; otherwise the command to run, as a warning.</summary>
public sealed partial class NewGraphMailApplicationCommand
{
    private void HandOffMailboxScope(GraphMailApplication app, string[] mailboxes)
    {
        var steps = app.Steps.ToList();
        var exchange = CurrentSessionExchange.Open(this);
        if (exchange.NotConnectedReason is { } reason)
        {
            var command = MailboxScopeHandOff.CommandText(app, mailboxes);
            WriteWarning($"To restrict the app to {string.Join(", ", mailboxes)}, run in a session with ExchangeOnlineManagement connected ({reason}): {command}");
            steps.Add(new GraphMailApplicationStep("MailboxScope", ApplicationStepStatus.Skipped, "ExchangeOnlineManagement is not connected; run: " + command));
        }
        else
        {
            var plan = MailboxScopeHandOff.Plan(app, mailboxes);
            foreach (var step in ScopeRunner.Run(plan, exchange, command => ShouldProcess(command.ToText(), "Run in Exchange Online")))
            {
                var status = step.Status switch
                {
                    MailboxScopeStepStatus.Ran => ApplicationStepStatus.Created,
                    MailboxScopeStepStatus.AlreadyDone => ApplicationStepStatus.Found,
                    _ => ApplicationStepStatus.Skipped,
                };
                steps.Add(new GraphMailApplicationStep("MailboxScope", status, step.ToString()));
            }
        }

        app.Steps = steps;
    }
}
