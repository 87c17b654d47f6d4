using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Pwsh;
using GraphMail.Bench.Record;
using GraphMail.Bench.Report;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Rows;

/// <summary>
/// Cold start: `pwsh -File` that imports GraphMail, connects and sends one message, against the Invoke-RestMethod script
/// the setup guides teach (token POST + sendMail POST) and against an empty script. Interleaved, the order rotating every
/// run, after one unmeasured run of each; no added latency (it would add the same to both). Target: CPU ≤ 1.00 ×.
/// </summary>
public sealed class ColdRow : IBenchRow
{
    public string Description => "cold: pwsh -File import+connect+send vs the Invoke-RestMethod script vs an empty script (CPU, wall; medians)";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        await context.Control.ResetAsync().ConfigureAwait(false);
        var connection = context.Sandbox.ConnectionFile;
        var module = BenchPaths.ModuleManifest;
        var programs = new (string Name, Func<string, Task<PwshRun>> Run)[]
        {
            ("GraphMail", subject => PwshRun.FileAsync("Cold-GraphMail.ps1", module, connection, subject)),
            ("Invoke-RestMethod", subject => PwshRun.FileAsync("Cold-InvokeRestMethod.ps1", connection, subject)),
            ("empty", _ => PwshRun.FileAsync("Empty.ps1")),
        };
        foreach (var program in programs)
        {
            await program.Run($"cold warm-up {program.Name}").ConfigureAwait(false);
        }

        await context.Control.ClearRecordsAsync().ConfigureAwait(false);
        var runs = programs.ToDictionary(p => p.Name, _ => new List<PwshRun>());
        var subjects = new List<string>();
        var results = new List<(string, string)>();
        for (var run = 0; run < context.Command.Runs; run++)
        {
            for (var i = 0; i < programs.Length; i++)
            {
                var program = programs[(run + i) % programs.Length];
                var subject = $"cold {run + 1} {program.Name} {Guid.NewGuid():N}";
                runs[program.Name].Add(await program.Run(subject).ConfigureAwait(false));
                if (program.Name != "empty")
                {
                    subjects.Add(subject);
                    results.Add((subject, "Sent"));   // the script exited 0 with nothing on stderr
                }
            }
        }

        var tally = await Tally.CheckAsync(context.Control, subjects, results).ConfigureAwait(false);
        double Wall(string name) => Stats.Median(runs[name].Select(r => r.WallMilliseconds));
        double Cpu(string name) => Stats.Median(runs[name].Select(r => r.CpuMilliseconds));
        var cpuRatio = Cpu("GraphMail") / Cpu("Invoke-RestMethod");
        return
        [
            new BenchRow(
                $"cold: pwsh -File, import + connect + send one message (CPU of the process tree, median of {context.Command.Runs})",
                $"{Milliseconds(Cpu("GraphMail"))} CPU, {Milliseconds(Wall("GraphMail"))} wall",
                $"Invoke-RestMethod script {Milliseconds(Cpu("Invoke-RestMethod"))} CPU, {Milliseconds(Wall("Invoke-RestMethod"))} wall",
                Times(cpuRatio) + $" CPU ({Times(Wall("GraphMail") / Wall("Invoke-RestMethod"))} wall)",
                "≤ 1.00 × CPU",
                cpuRatio <= 1.00,
                $"{tally.Line}; empty pwsh -File {Milliseconds(Cpu("empty"))} CPU, {Milliseconds(Wall("empty"))} wall, so above a bare pwsh " +
                $"GraphMail costs {Milliseconds(Cpu("GraphMail") - Cpu("empty"))} CPU and the Invoke-RestMethod script {Milliseconds(Cpu("Invoke-RestMethod") - Cpu("empty"))}",
                tally.Correct),
        ];
    }
}
