using System;
using System.Globalization;
using System.Threading.Tasks;

namespace GraphMail.Bench.ColdStart;

/// <summary>
/// One run of a cold-start program, which prints "accepted [detail]" when its send is accepted, then "cpu {ms}" (its
/// CPU time until then), then optionally a report line.
/// </summary>
public sealed record HostRun(double WallMilliseconds, double CpuMilliseconds, string Detail, string Report)
{
    public static async Task<HostRun> StartAsync(string dll, params string[] arguments)
    {
        var (milliseconds, first, remaining) = await ChildProcess.RunAsync(dll, arguments).ConfigureAwait(false);
        var lines = remaining.Split('\n', 2, StringSplitOptions.TrimEntries);
        if (!first.StartsWith("accepted", StringComparison.Ordinal) || !lines[0].StartsWith("cpu ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{System.IO.Path.GetFileName(dll)} printed '{first}', '{lines[0]}' instead of accepted and its CPU time.");
        }

        return new HostRun(
            milliseconds,
            double.Parse(lines[0]["cpu ".Length..], CultureInfo.InvariantCulture),
            first["accepted".Length..].Trim(),
            lines.Length > 1 ? lines[1] : string.Empty);
    }
}
