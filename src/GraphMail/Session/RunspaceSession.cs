using GraphMail.Engine.Connections;

namespace GraphMail.Session;

/// <summary>One runspace's GraphMail state: at most one connection, replaced by Connect, dropped by Disconnect.</summary>
internal sealed partial class RunspaceSession
{
    internal const string NotConnectedMessage = "Not connected. Run Connect-GraphMail first.";

    private readonly object _gate = new();
    private GraphMailConnection? _connection;

    internal GraphMailConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    /// <summary>Makes <paramref name="connection"/> current and disposes the one it replaces.</summary>
    internal void Replace(GraphMailConnection connection)
    {
        GraphMailConnection? previous;
        lock (_gate)
        {
            previous = _connection;
            _connection = connection;
        }

        if (!ReferenceEquals(previous, connection))
        {
            previous?.Dispose();
        }
    }

    /// <returns>False when there was no connection to drop.</returns>
    internal bool Disconnect()
    {
        GraphMailConnection? previous;
        lock (_gate)
        {
            previous = _connection;
            _connection = null;
        }

        previous?.Dispose();
        return previous is not null;
    }

    /// <summary>What every cmdlet that talks to Graph calls first.</summary>
    internal GraphMailConnection RequireConnection() =>
        Connection ?? throw new GraphMailException(ErrorIds.NotConnected, GraphMailErrorKind.InvalidOperation, NotConnectedMessage,
            "Connect-GraphMail -TenantId <tenant> -ClientId <app> with -CertificateThumbprint, -ClientSecret or -ManagedIdentity; see Get-Help Connect-GraphMail.");
}
