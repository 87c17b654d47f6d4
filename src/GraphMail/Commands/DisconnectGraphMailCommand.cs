using System.Management.Automation;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// Forgets this runspace's connection and releases it. When there is none it only warns: Disconnect-GraphMail in a
/// finally block must not turn a failed Connect-GraphMail into a second error under -ErrorAction Stop.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "GraphMail", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Disconnect-GraphMail.md")]
public sealed class DisconnectGraphMailCommand : GraphMailCmdlet
{
    internal const string NothingToDisconnect = "Not connected to GraphMail in this session; nothing to disconnect.";

    /// <summary>Which session to disconnect; tests pass their own.</summary>
    private RunspaceSession Session { get; } = RunspaceSessions.Current;

    protected override void ProcessRecord()
    {
        if (!Session.Disconnect())
        {
            WriteWarning(NothingToDisconnect);
        }
    }
}
