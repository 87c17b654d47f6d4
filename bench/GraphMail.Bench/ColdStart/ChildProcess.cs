using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace GraphMail.Bench.ColdStart;

/// <summary>A framework-dependent program run with `dotnet`, timed from just before it starts to its first line of output.</summary>
public static class ChildProcess
{
    /// <returns>Milliseconds to the first line, that line, and the rest of the output.</returns>
    public static async Task<(double Milliseconds, string FirstLine, string Remaining)> RunAsync(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo(BenchPaths.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        var rest = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0 || first is null)
        {
            throw new InvalidOperationException($"{System.IO.Path.GetFileName(dll)} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }

        return (milliseconds, first, rest);
    }
}
