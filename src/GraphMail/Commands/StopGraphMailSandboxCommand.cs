using System.Collections.Generic;
using System.Management.Automation;
using GraphMail.Engine.SandboxHosting.Launching;

namespace GraphMail.Commands;

/// <summary>
/// Stops a sandbox and waits until it has exited: the one given (-Sandbox, or piped), or without one every sandbox
/// this session started and has not stopped. With no sandbox to stop it only warns, so an AfterAll block after a
/// failed Start-GraphMailSandbox does not add a second error.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "GraphMailSandbox", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Stop-GraphMailSandbox.md")]
public sealed class StopGraphMailSandboxCommand : GraphMailSandboxCmdlet
{
    internal const string NothingToStop = "No GraphMail.Sandbox was started in this session; nothing to stop.";

    protected override void ProcessRecord()
    {
        IReadOnlyList<SandboxInstance> stopping = Sandbox is { } given ? new[] { given } : Session.Sandboxes;
        if (stopping.Count == 0)
        {
            WriteWarning(NothingToStop);
            return;
        }

        for (var i = stopping.Count - 1; i >= 0; i--)
        {
            var sandbox = stopping[i];
            Await(cancellation => SandboxLauncher.StopAsync(sandbox, cancellation));
            Session.ForgetSandbox(sandbox);
            WriteVerbose($"GraphMail.Sandbox process {sandbox.ProcessId} has stopped.");
        }
    }
}
