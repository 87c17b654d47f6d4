using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Bulk;
using GraphMail.Bench.ColdStart;
using GraphMail.Bench.Memory;
using GraphMail.Bench.Report;
using GraphMail.Bench.Sandbox;

namespace GraphMail.Bench;

/// <summary>Runs the benchmarks named on the command line and prints the results table. Exit 1 when a correctness check fails; a missed speed target is reported, not failed.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 5 && args[0] == "memory-child")
        {
            return await MemoryChild.RunAsync(args[1], args[2], args[3], args[4]).ConfigureAwait(false);
        }

        BenchCommand command;
        try
        {
            command = BenchCommand.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchCommand.Usage);
            return 2;
        }

        var start = MachineInfo.Capture();
        Console.WriteLine($"GraphMail benchmarks{(command.Quick ? " (--quick)" : string.Empty)}: {string.Join(", ", command.Benchmarks)}; load average {start.LoadAverage}");
        var rows = new List<BenchRow>();
        var correct = true;
        using (var sandbox = await StandaloneSandbox.StartAsync().ConfigureAwait(false))
        {
            if (command.Runs("bulk"))
            {
                correct &= await BulkRowsAsync(sandbox, command.Quick ? 100 : 1000, rows).ConfigureAwait(false);
            }

            ImportReport? import = null;
            if (command.Runs("coldstart"))
            {
                var coldStart = await Step("cold start", () => ColdStartBenchmark.RunAsync(sandbox, command.ColdStartRuns)).ConfigureAwait(false);
                rows.Add(Rows.ColdStart(coldStart));
                correct &= coldStart.Correct;
                import = coldStart.Import;
            }

            if (command.Runs("memory"))
            {
                var (reading, fileBytes, recorded) = await Step("memory", () => MemoryBenchmark.RunAsync(sandbox, (command.Quick ? 20L : 100L) * 1024 * 1024, latencyMs: 40)).ConfigureAwait(false);
                rows.Add(Rows.Memory(reading, fileBytes, recorded));
                correct &= recorded && reading.Status == "Sent";
            }

            if (command.Runs("import"))
            {
                rows.Add(Rows.Import(import ?? await Step("import", () => ColdStartBenchmark.ImportAsync(sandbox)).ConfigureAwait(false)));
            }
        }

        ResultTable.Write(Console.Out, rows, start, MachineInfo.Capture());
        if (!correct)
        {
            Console.WriteLine("A CORRECTNESS CHECK FAILED: see Checks.");
        }

        return correct ? 0 : 1;
    }

    private static async Task<bool> BulkRowsAsync(StandaloneSandbox sandbox, int messages, List<BenchRow> rows)
    {
        var parallel = await Step("bulk", () => BulkBenchmark.RunAsync(sandbox.Endpoint, new BulkSettings(messages, LatencyMs: 40))).ConfigureAwait(false);
        var sequential = await Step("bulk, sequential loop", () => BulkBenchmark.RunAsync(sandbox.Endpoint, new BulkSettings(messages, LatencyMs: 40, Sequential: true))).ConfigureAwait(false);
        var throttled = await Step("bulk with 429s", () => BulkBenchmark.RunAsync(sandbox.Endpoint, new BulkSettings(messages, LatencyMs: 40, ThrottleRatio: 0.05))).ConfigureAwait(false);
        rows.Add(Rows.Bulk($"bulk: {messages:N0} messages, one command", parallel, 1.10));
        rows.Add(Rows.Bulk($"bulk: {messages:N0} messages, a loop of {messages:N0} commands (baseline)", sequential, null));
        rows.Add(Rows.Bulk($"bulk: {messages:N0} messages, 5 % answered 429 (Retry-After 1 s)", throttled, 1.30));
        return new[] { parallel, sequential, throttled }.All(r => r.Correct);
    }

    private static async Task<T> Step<T>(string name, Func<Task<T>> benchmark)
    {
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {name} ...");
        return await benchmark().ConfigureAwait(false);
    }
}
