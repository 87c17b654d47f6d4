namespace GraphMail.Session;

/// <summary>One runspace's current sandbox: the one Start-GraphMailSandbox started last and no one has stopped.</summary>
internal sealed partial class RunspaceSession
{
    private SandboxInstance? _sandbox;

    internal SandboxInstance? Sandbox
    {
        get
        {
            lock (_gate)
            {
                return _sandbox;
            }
        }
    }

    internal void UseSandbox(SandboxInstance sandbox)
    {
        lock (_gate)
        {
            _sandbox = sandbox;
        }
    }

    /// <summary>Forgets <paramref name="sandbox"/> if it is the current one.</summary>
    internal void ForgetSandbox(SandboxInstance sandbox)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_sandbox, sandbox))
            {
                _sandbox = null;
            }
        }
    }

    /// <summary>The sandbox a cmdlet was given, else the current one.</summary>
    internal SandboxInstance RequireSandbox(SandboxInstance? given) =>
        given ?? Sandbox ?? throw new GraphMailException(ErrorIds.SandboxNotStarted, GraphMailErrorKind.InvalidOperation,
            "No GraphMail.Sandbox was started in this session.",
            "Run Start-GraphMailSandbox first (in Pester: in BeforeAll), or pass the sandbox it returned to -Sandbox.");
}
