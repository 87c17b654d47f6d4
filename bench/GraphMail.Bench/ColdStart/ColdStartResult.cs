using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Bench.ColdStart;

/// <summary>Process start to first accepted send, for the module and for the minimal sender, run after run.</summary>
public sealed record ColdStartResult(
    IReadOnlyList<double> ModuleMilliseconds,
    IReadOnlyList<double> MinimalMilliseconds,
    IReadOnlyDictionary<string, double> ModulePhaseMedians,
    int Recorded,
    ImportReport Import)
{
    public double ModuleMedian => Median(ModuleMilliseconds);

    public double MinimalMedian => Median(MinimalMilliseconds);

    public double Ratio => ModuleMedian / MinimalMedian;

    public bool Correct => Recorded == ModuleMilliseconds.Count + MinimalMilliseconds.Count;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
