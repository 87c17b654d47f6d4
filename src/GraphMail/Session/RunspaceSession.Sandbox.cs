using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Session;

/// <summary>
/// One runspace's sandboxes: every one Start-GraphMailSandbox started and no one has stopped. The current one, which
/// the sandbox cmdlets use by default, is the one started last; stopping it makes the one before it current again.
/// </summary>
internal sealed partial class RunspaceSession
{
    private readonly List<SandboxInstance> _sandboxes = new();

    internal SandboxInstance? Sandbox
    {
        get
        {
            lock (_gate)
            {
                return _sandboxes.LastOrDefault();
            }
        }
    }

    /// <summary>Every sandbox this session started that has not been stopped, the latest last.</summary>
    internal IReadOnlyList<SandboxInstance> Sandboxes
    {
        get
        {
            lock (_gate)
            {
                return _sandboxes.ToList();
            }
        }
    }

    internal void UseSandbox(SandboxInstance sandbox)
    {
        lock (_gate)
        {
            _sandboxes.Remove(sandbox);
            _sandboxes.Add(sandbox);
        }
    }

    /// <summary>Forgets a sandbox that was stopped.</summary>
    internal void ForgetSandbox(SandboxInstance sandbox)
    {
        lock (_gate)
        {
            _sandboxes.Remove(sandbox);
        }
    }

    /// <summary>The sandbox a cmdlet was given, else the current one.</summary>
    internal SandboxInstance RequireSandbox(SandboxInstance? given) =>
        given ?? Sandbox ?? throw new GraphMailException(ErrorIds.SandboxNotStarted, GraphMailErrorKind.InvalidOperation,
            "No GraphMail.Sandbox is running in this session: none was started, or Stop-GraphMailSandbox has stopped every one.",
            "Run Start-GraphMailSandbox first (in Pester: in BeforeAll), or pass the sandbox it returned to -Sandbox.");
}
