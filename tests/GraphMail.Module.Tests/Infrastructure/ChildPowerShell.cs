using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>
/// A fresh process of the repository's pinned PowerShell (.config/dotnet-tools.json, started as `dotnet pwsh` from the
/// repository root), for what a shared test process cannot show: what one session loads, from its first import on.
/// </summary>
public static class ChildPowerShell
{
    /// <summary>Runs a script file with arguments; returns its standard output, or fails with its standard error.</summary>
    public static async Task<string> RunFileAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuiltModule.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new List<string> { "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"dotnet pwsh -File {script} exited with {process.ExitCode} (run `dotnet tool restore` first):\n{await error}\n{await output}");
    }
}
