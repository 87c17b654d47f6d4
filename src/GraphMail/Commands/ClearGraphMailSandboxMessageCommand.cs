using System.Management.Automation;

namespace GraphMail.Commands;

/// <summary>
/// Forgets the messages a sandbox recorded, so the next test starts from none. No -WhatIf: it changes nothing but a
/// throwaway test double this session started.
/// </summary>
[Cmdlet(VerbsCommon.Clear, "GraphMailSandboxMessage", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Clear-GraphMailSandboxMessage.md")]
public sealed class ClearGraphMailSandboxMessageCommand : GraphMailSandboxCmdlet
{
    protected override void ProcessRecord() => Control((client, cancellation) => client.ClearMessagesAsync(cancellation));
}
