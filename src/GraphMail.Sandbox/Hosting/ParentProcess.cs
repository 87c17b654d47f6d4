using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace GraphMail.Sandbox.Hosting;

/// <summary>
/// --parent-pid: a sandbox started by a PowerShell session stops when that session's process exits, so killed
/// Pester runs leave no servers behind.
/// </summary>
internal static class ParentProcess
{
    /// <summary>The running process with this id, or null when there is none.</summary>
    internal static Process? Find(int processId)
    {
        try
        {
            return Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    internal static string IgnoredInterrupt(int parentId) =>
        $"GraphMail.Sandbox: Ctrl+C ignored; this sandbox stops when process {parentId} exits, or on SIGTERM.";

    /// <summary>Calls <paramref name="onExit"/> once <paramref name="parent"/> has exited (at once if it already has).</summary>
    internal static void OnExit(Process parent, Action onExit) =>
        _ = parent.WaitForExitAsync().ContinueWith(_ => onExit(), TaskScheduler.Default);
}
