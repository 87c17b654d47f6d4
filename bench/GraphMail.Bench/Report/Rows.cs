using System.Linq;
using GraphMail.Bench.Bulk;
using GraphMail.Bench.ColdStart;
using GraphMail.Bench.Memory;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Report;

/// <summary>Each benchmark's result as a line of the table, with its target.</summary>
public static class Rows
{
    public const long MemoryTargetBytes = 64L * 1024 * 1024;
    public const double ColdStartTarget = 1.25;

    public static BenchRow Bulk(string name, BulkResult result, double? target) => new(
        name,
        Seconds(result.Elapsed),
        $"floor {Seconds(result.Settings.Floor)} ({result.Settings.Messages:N0} × {result.Settings.LatencyMs} ms / {BulkSettings.RequestsPerMailbox})",
        Times(result.RatioToFloor),
        target is { } t ? "≤ " + Times(t) : "–",
        target is { } limit ? result.RatioToFloor <= limit : null,
        result.Checks);

    public static BenchRow ColdStart(ColdStartResult result) => new(
        "cold start: process start → first accepted send (module imported as PowerShell does)",
        $"{Milliseconds(result.ModuleMedian)} (median of {result.Module.Count})",
        $"MSAL + raw HttpClient {Milliseconds(result.MinimalMedian)} (median of {result.Minimal.Count})",
        Times(result.Ratio),
        "≤ " + Times(ColdStartTarget),
        result.Ratio <= ColdStartTarget,
        $"{result.Recorded} of {result.Module.Count + result.Minimal.Count} sends recorded; CPU time ratio {Times(result.CpuRatio)} " +
        $"(medians {Milliseconds(ColdStartResult.Median(result.Module.Select(r => r.CpuMilliseconds)))} / {Milliseconds(ColdStartResult.Median(result.Minimal.Select(r => r.CpuMilliseconds)))}); " +
        $"phases (medians, from Main): module {Phases(result.Module)}, minimal {Phases(result.Minimal)}" +
        $"; module runs {string.Join(" ", result.Module.Select(r => Milliseconds(r.WallMilliseconds)))}; minimal runs {string.Join(" ", result.Minimal.Select(r => Milliseconds(r.WallMilliseconds)))}");

    public static BenchRow Memory(MemoryReading reading, long fileBytes, bool recorded) => new(
        $"memory: one {Megabytes(fileBytes)} attachment, peak resident growth of the sending process",
        "+" + Megabytes(reading.Growth),
        $"resident before the send {Megabytes(reading.ResidentBeforeSend)}",
        $"{(double)reading.Growth / fileBytes:0.00} of the file",
        "< " + Megabytes(MemoryTargetBytes),
        reading.Growth < MemoryTargetBytes,
        $"{reading.Status}; the sandbox recorded it {(recorded ? "with the file's exact size and SHA-256" : "WRONGLY or not at all")}; " +
        $"peak {Megabytes(reading.PeakResident)} (VmHWM{(reading.PeakCountsFromSendStart ? ", reset at the send's start" : ", NOT reset: counts from process start")}), " +
        $"sampled peak {Megabytes(reading.SampledPeakResident)}; managed allocations during the send {Megabytes(reading.ManagedAllocated)}, " +
        $"{reading.Gen2Collections} gen2 collections; {reading.Seconds:0.0} s");

    public static BenchRow Import(ImportReport report) => new(
        "import: assemblies the import loads beyond .NET and PowerShell",
        string.Join(", ", report.ImportLoaded.Select(a => $"{a.Name} ({a.Context})")),
        "GraphMail's own only",
        "–",
        "GraphMail, GraphMail.Shared",
        report.ImportLoadsOnlyGraphMail,
        $"framework assemblies the import touched: {string.Join(", ", report.FrameworkLoadedByImport.Select(a => a.Name))}; " +
        $"first loaded: GraphMail.Engine at {report.FirstLoad("GraphMail.Engine") ?? "never"}, MSAL at {report.FirstLoad("Microsoft.Identity.Client") ?? "never"}, " +
        $"Microsoft.Graph at {report.FirstLoad("Microsoft.Graph") ?? "never"}, Kiota at {report.FirstLoad("Microsoft.Kiota") ?? "never"}; " +
        $"GraphMail's context after the send: {string.Join(", ", report.Assemblies.Where(a => a.Context == "GraphMail").Select(a => a.Name))}");

    private static string Phases(System.Collections.Generic.IReadOnlyList<HostRun> runs) =>
        string.Join(", ", ColdStartResult.PhaseMedians(runs).Select(p => $"{p.Key} {Milliseconds(p.Value)}"));
}
