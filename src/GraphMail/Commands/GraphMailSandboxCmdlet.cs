using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.SandboxHosting.Control;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// What the cmdlets that talk to a running sandbox share: -Sandbox (by default the one this session started last)
/// and one call to its control API.
/// </summary>
public abstract class GraphMailSandboxCmdlet : GraphMailCmdlet
{
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SandboxInstance? Sandbox { get; set; }

    /// <summary>Whose current sandbox -Sandbox defaults to; tests pass their own.</summary>
    private protected RunspaceSession Session { get; } = RunspaceSessions.Current;

    /// <summary>One control-API call; its failure is this item's error. Null when there is no sandbox or the call failed.</summary>
    protected T? Control<T>(Func<SandboxControlClient, CancellationToken, Task<T>> call)
        where T : class
    {
        SandboxInstance sandbox;
        try
        {
            sandbox = Session.RequireSandbox(Sandbox);
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, null);
            return null;
        }

        try
        {
            using var client = SandboxControlClient.For(sandbox);
            return Await(cancellation => call(client, cancellation));
        }
        catch (GraphMailException e)
        {
            WriteEngineError(e, sandbox);
            return null;
        }
    }

    protected void Control(Func<SandboxControlClient, CancellationToken, Task> call) =>
        Control<object>(async (client, cancellation) =>
        {
            await call(client, cancellation).ConfigureAwait(false);
            return client;
        });
}
