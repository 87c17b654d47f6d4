using System;
using System.Collections.Generic;
using System.IO;

namespace GraphMail.Bench.Report;

/// <summary>The results as a Markdown table (what docs/performance.md takes), with the machine and the checks below.</summary>
public static class ResultTable
{
    public static void Write(TextWriter output, IReadOnlyList<BenchRow> rows, MachineInfo start, MachineInfo end)
    {
        output.WriteLine();
        output.WriteLine("| benchmark | measured | floor / baseline | ratio | target | verdict |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var verdict = row.Met switch { true => "met", false => "**missed**", null => "baseline" };
            output.WriteLine($"| {row.Benchmark} | {row.Measured} | {row.Reference} | {row.Ratio} | {row.Target} | {verdict} |");
        }

        output.WriteLine();
        output.WriteLine("Checks:");
        foreach (var row in rows)
        {
            var verdict = row.Met is null ? "baseline, as measured" : row.Correct ? "correct" : "**INCORRECT**";
            output.WriteLine($"- {row.Benchmark}: {verdict}: {row.Checks}");
        }

        output.WriteLine();
        output.WriteLine($"Machine: {start.Cpu}, {start.Cores} cores, {start.Os}, {start.Runtime}");
        output.WriteLine($"Date: {start.Date:yyyy-MM-dd HH:mm} UTC to {end.Date:HH:mm} UTC; commit {start.Commit}");
        output.WriteLine($"Load average (1/5/15 min): {start.LoadAverage} at start, {end.LoadAverage} at end");
    }

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(double milliseconds) => milliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    public static string Times(double ratio) => ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " ×";

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB";
}
