using System.Linq;
using System.Management.Automation;

namespace GraphMail.Commands;

/// <summary>The messages a sandbox accepted for delivery, oldest first, for a test to assert on.</summary>
[Cmdlet(VerbsCommon.Get, "GraphMailSandboxMessage", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Get-GraphMailSandboxMessage.md")]
[OutputType(typeof(SandboxMessage))]
public sealed class GetGraphMailSandboxMessageCommand : GraphMailSandboxCmdlet
{
    /// <summary>Only messages sent as this mailbox (its UPN).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Mailbox { get; set; }

    /// <summary>Only messages whose subject matches this wildcard pattern, case-insensitively.</summary>
    [Parameter]
    [ValidateNotNull]
    [SupportsWildcards]
    public string? Subject { get; set; }

    protected override void ProcessRecord()
    {
        if (Control((client, cancellation) => client.GetMessagesAsync(Mailbox, cancellation)) is { } messages)
        {
            var subject = Subject is null ? null : WildcardPattern.Get(Subject, WildcardOptions.IgnoreCase);
            WriteObject(subject is null ? messages : messages.Where(m => subject.IsMatch(m.Subject ?? string.Empty)), enumerateCollection: true);
        }
    }
}
