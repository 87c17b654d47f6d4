using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace GraphMail.Bench.Report;

/// <summary>Where and when the numbers were taken: absolute times only mean something next to these.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Os, string Runtime, string LoadAverage, DateTimeOffset Date, string Commit)
{
    public static MachineInfo Capture() => new(
        ReadCpu(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage(),
        DateTimeOffset.UtcNow,
        ReadCommit());

    /// <summary>The 1, 5 and 15 minute load averages now (Linux), or n/a.</summary>
    public static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string ReadCpu() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string ReadCommit()
    {
        var head = Git("rev-parse --short HEAD");
        return head.Length == 0 ? "unknown" : head + (Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty);
    }

    private static string Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = BenchPaths.Root };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }
}
