using GraphMail.Engine.Connections.Admin;

namespace GraphMail.Session;

/// <summary>One runspace's administrator sign-in (Connect-GraphMailAdmin, or a directory cmdlet that signed in): in memory only.</summary>
internal sealed partial class RunspaceSession
{
    private AdminSession? _admin;

    internal AdminSession? Admin
    {
        get
        {
            lock (_gate)
            {
                return _admin;
            }
        }
    }

    /// <summary>Makes <paramref name="admin"/> this session's admin sign-in and disposes the one it replaces.</summary>
    internal void ReplaceAdmin(AdminSession admin)
    {
        AdminSession? previous;
        lock (_gate)
        {
            previous = _admin;
            _admin = admin;
        }

        if (!ReferenceEquals(previous, admin))
        {
            previous?.Connection.Dispose();
        }
    }

    /// <returns>False when no administrator was signed in.</returns>
    internal bool DisconnectAdmin()
    {
        AdminSession? previous;
        lock (_gate)
        {
            previous = _admin;
            _admin = null;
        }

        previous?.Connection.Dispose();
        return previous is not null;
    }
}

/// <summary>An admin sign-in and the sandbox ready line it was made against (what the app objects it makes carry on).</summary>
internal sealed class AdminSession
{
    internal AdminSession(AdminConnection connection, string? sandboxText)
    {
        Connection = connection;
        SandboxText = sandboxText;
    }

    internal AdminConnection Connection { get; }

    internal string? SandboxText { get; }
}
