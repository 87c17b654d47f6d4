using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace GraphMail.Session;

/// <summary>
/// GraphMail's state per runspace, so two runspaces (jobs, ForEach-Object -Parallel, hosted runspaces) never share a
/// connection. The table holds its runspaces weakly: a collected runspace takes its session with it.
/// </summary>
internal static class RunspaceSessions
{
    // When there is no runspace on this thread (an engine test, a host that sets none), one fixed key stands in.
    private static readonly object NoRunspace = new();

    private static readonly ConditionalWeakTable<object, RunspaceSession> Sessions = new();

    /// <summary>The session of the runspace this thread runs.</summary>
    internal static RunspaceSession Current => For(Runspace.DefaultRunspace ?? NoRunspace);

    internal static RunspaceSession For(object runspace) => Sessions.GetValue(runspace, _ => new RunspaceSession());
}
