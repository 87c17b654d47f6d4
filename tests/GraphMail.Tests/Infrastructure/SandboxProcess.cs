using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Tests.Infrastructure;

/// <summary>
/// The standalone sandbox (GraphMail.Sandbox.dll next to the test assembly, run with dotnet), started with arguments,
/// with its ready line read from stdout. Dispose stops it if it is still running.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private SandboxProcess(Process process) => Process = process;

    internal Process Process { get; }

    internal static string SandboxDll => Path.Combine(AppContext.BaseDirectory, "GraphMail.Sandbox.dll");

    internal static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SandboxDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>Starts the sandbox and waits for its ready line.</summary>
    internal static async Task<(SandboxProcess Sandbox, string ReadyLine, JsonElement Connection)> StartAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var sandbox = new SandboxProcess(Start(arguments));
        var line = await sandbox.Process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException("The sandbox exited before it was ready: " + await sandbox.Process.StandardError.ReadToEndAsync(cancellationToken));
        return (sandbox, line, JsonDocument.Parse(line).RootElement.Clone());
    }

    /// <summary>Runs the sandbox with arguments that make it exit by itself; returns its exit code and output.</summary>
    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGTERM, as a service manager or CI would stop it.</summary>
    internal void Terminate()
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Process.Id.ToString()]);
        kill.WaitForExit();
    }

    /// <summary>Stops it the polite way (so it deletes its files), and kills it only if that fails.</summary>
    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Terminate();
            if (!Process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                Process.Kill(entireProcessTree: true);
            }
        }

        Process.Dispose();
    }
}
