using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GraphMail.Bench.ColdStart;

/// <summary>Process start to first accepted send, for the module and for the minimal sender, run after run.</summary>
public sealed record ColdStartResult(
    IReadOnlyList<HostRun> Module,
    IReadOnlyList<HostRun> Minimal,
    int Recorded,
    ImportReport Import)
{
    public double ModuleMedian => Median(Module.Select(r => r.WallMilliseconds));

    public double MinimalMedian => Median(Minimal.Select(r => r.WallMilliseconds));

    public double Ratio => ModuleMedian / MinimalMedian;

    /// <summary>The same ratio in CPU time: less disturbed by other work on the machine, so a check on the clock's.</summary>
    public double CpuRatio => Median(Module.Select(r => r.CpuMilliseconds)) / Median(Minimal.Select(r => r.CpuMilliseconds));

    public bool Correct => Recorded == Module.Count + Minimal.Count;

    /// <summary>The median time of each phase a program reported ("accepted {"phase": ms, ...}"), from its Main.</summary>
    public static IReadOnlyDictionary<string, double> PhaseMedians(IReadOnlyList<HostRun> runs)
    {
        var phases = runs.Select(r => JsonSerializer.Deserialize<Dictionary<string, double>>(r.Detail)!).ToList();
        return phases[0].Keys.ToDictionary(name => name, name => Median(phases.Select(p => p[name])));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
