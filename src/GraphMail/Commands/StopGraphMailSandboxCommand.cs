using System.Management.Automation;
using GraphMail.Engine.SandboxHosting.Launching;

namespace GraphMail.Commands;

/// <summary>
/// Stops a sandbox and waits until it has exited. With no sandbox to stop it only warns, so an AfterAll block after a
/// failed Start-GraphMailSandbox does not add a second error.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "GraphMailSandbox")]
public sealed class StopGraphMailSandboxCommand : GraphMailSandboxCmdlet
{
    internal const string NothingToStop = "No GraphMail.Sandbox was started in this session; nothing to stop.";

    protected override void ProcessRecord()
    {
        if ((Sandbox ?? Session.Sandbox) is not { } sandbox)
        {
            WriteWarning(NothingToStop);
            return;
        }

        Await(cancellation => SandboxLauncher.StopAsync(sandbox, cancellation));
        Session.ForgetSandbox(sandbox);
        WriteVerbose($"GraphMail.Sandbox process {sandbox.ProcessId} has stopped.");
    }
}
