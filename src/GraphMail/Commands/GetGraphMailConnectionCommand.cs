using System.Management.Automation;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// Returns this runspace's connection, or nothing when not connected, so scripts can write
/// <c>if (-not (Get-GraphMailConnection)) { Connect-GraphMail ... }</c>.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GraphMailConnection", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Get-GraphMailConnection.md")]
[OutputType(typeof(ConnectionInfo))]
public sealed class GetGraphMailConnectionCommand : GraphMailCmdlet
{
    /// <summary>Which session to read; tests pass their own.</summary>
    private RunspaceSession Session { get; } = RunspaceSessions.Current;

    protected override void ProcessRecord()
    {
        if (Session.Connection is { } connection)
        {
            WriteObject(connection.Info);
        }
        else
        {
            WriteVerbose(RunspaceSession.NotConnectedMessage);
        }
    }
}
