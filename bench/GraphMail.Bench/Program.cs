using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Report;
using GraphMail.Bench.Sandbox;

namespace GraphMail.Bench;

/// <summary>
/// Runs the rows named on the command line and prints the results table. Exit 1 when GraphMail's results disagree with
/// the sandbox's record; a missed speed target is reported, not failed.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchCommand command;
        try
        {
            command = BenchCommand.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, BenchCommand.Usage,
                string.Join(Environment.NewLine + "             ", BenchRows.All.Select(r => $"{r.Key,-8} {r.Value.Description}"))));
            return 2;
        }

        var start = MachineInfo.Capture();
        Console.WriteLine($"GraphMail benchmarks: {string.Join(", ", command.Rows)}; {command.Runs} runs, {command.Messages} messages; pwsh {BenchPaths.Pwsh}");
        Console.WriteLine($"load average {start.LoadAverage}");
        var rows = new List<BenchRow>();
        using (var sandbox = await StandaloneSandbox.StartAsync().ConfigureAwait(false))
        using (var context = new BenchContext(sandbox, command))
        {
            foreach (var name in command.Rows)
            {
                Step(name);
                rows.AddRange(await BenchRows.All[name].RunAsync(context).ConfigureAwait(false));
            }
        }

        ResultTable.Write(Console.Out, rows, start, MachineInfo.Capture());
        var correct = rows.All(r => r.Correct);
        if (!correct)
        {
            Console.WriteLine("A CORRECTNESS CHECK FAILED: see Checks.");
        }

        return correct ? 0 : 1;
    }

    public static void Step(string name) => Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {name} ... (load {MachineInfo.ReadLoadAverage()})");
}
