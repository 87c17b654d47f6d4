using System.Management.Automation;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// Forgets this runspace's administrator sign-in (its tokens and refresh token, in memory only). When there is none it
/// only warns, so it is safe in a finally block. The app connection (Connect-GraphMail) is not touched.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "GraphMailAdmin", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Disconnect-GraphMailAdmin.md")]
public sealed class DisconnectGraphMailAdminCommand : GraphMailCmdlet
{
    internal const string NothingToDisconnect = "No administrator is signed in to GraphMail in this session; nothing to disconnect.";

    private RunspaceSession Session { get; } = RunspaceSessions.Current;

    protected override void ProcessRecord()
    {
        if (!Session.DisconnectAdmin())
        {
            WriteWarning(NothingToDisconnect);
        }
    }
}
