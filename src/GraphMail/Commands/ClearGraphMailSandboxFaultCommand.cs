using System.Management.Automation;

namespace GraphMail.Commands;

/// <summary>Removes every fault Add-GraphMailSandboxFault added to a sandbox, including ratio faults that never run out.</summary>
[Cmdlet(VerbsCommon.Clear, "GraphMailSandboxFault", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Clear-GraphMailSandboxFault.md")]
public sealed class ClearGraphMailSandboxFaultCommand : GraphMailSandboxCmdlet
{
    protected override void ProcessRecord() => Control((client, cancellation) => client.ClearFaultsAsync(cancellation));
}
