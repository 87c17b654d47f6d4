using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace GraphMail.Bench.Pwsh;

/// <summary>One `pwsh -NoProfile -NonInteractive -File script args`: wall time from start to exit, CPU time of its process tree, its output.</summary>
public sealed record PwshRun(double WallMilliseconds, double CpuMilliseconds, string Output)
{
    public static async Task<PwshRun> FileAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(BenchPaths.Pwsh)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-File", BenchPaths.Script(script) })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Same for every script measured: no telemetry, no update check, plain text output.
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["NO_COLOR"] = "1";

        var cpuBefore = ChildCpu.Milliseconds;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pwsh did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var wall = clock.Elapsed.TotalMilliseconds;
        var cpu = ChildCpu.Milliseconds - cpuBefore;
        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0 || errors.Trim().Length > 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} exited with {process.ExitCode}: {errors}{output}");
        }

        return new PwshRun(wall, cpu, output.Trim());
    }
}
