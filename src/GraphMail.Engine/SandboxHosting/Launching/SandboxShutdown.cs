using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>
/// Stops a sandbox the polite way where there is one (SIGTERM on Linux and macOS: it stops its server, deletes its
/// files and exits 0), the hard way otherwise or when that does not work in time, and removes what it leaves behind.
/// </summary>
internal static class SandboxShutdown
{
    private const int SigTerm = 15;

    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    internal static async Task StopAsync(SandboxInstance sandbox, CancellationToken cancellationToken)
    {
        var process = sandbox.Process;
        if (!process.HasExited && !(TryTerminate(process) && await WaitForExitAsync(process, GracePeriod, cancellationToken).ConfigureAwait(false)))
        {
            Kill(process);
            await WaitForExitAsync(process, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }

        File.Delete(sandbox.ConnectionFile);
        File.Delete(sandbox.CertificatePemPath);
    }

    /// <returns>True when the process has exited, false when the time ran out first.</returns>
    internal static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult(true);
        if (process.HasExited)
        {
            return true;
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(exited.Task, Task.Delay(timeout, stopWaiting.Token)).ConfigureAwait(false);
        stopWaiting.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        return finished == exited.Task;
    }

    internal static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It has exited already.
        }
    }

    private static bool TryTerminate(Process process)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return false;
        }

        try
        {
            return SendSignal(process.Id, SigTerm) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);
}
