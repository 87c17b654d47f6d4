using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Report;
using GraphMail.Bench.Sandbox;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Rows;

/// <summary>
/// Many senders: `Import-Csv | Send-GraphMail` with a From column spreading the messages over 10 mailboxes (the bench
/// seed's sender01..10@contoso.com, GraphMail Unscoped), each with its own 4-request limit, 40 ms latency. Floor =
/// messages × 40 ms / (10 × 4); the median of --runs runs. Target ≤ 1.10 ×.
/// </summary>
public sealed class ManySendersRow : IBenchRow
{
    public string Description => "senders: 1,000 messages over 10 mailboxes, each with its own 4-request limit, against its floor";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        // One run is a few seconds of a busy 2-core machine's time: the median of --runs of them, each checked.
        var run = new BulkRun("Bulk-GraphMail.ps1", "senders", context.Command.Messages, 40, 0, BenchSeed.Senders, SandboxApp.Unscoped);
        var elapsed = new List<double>();
        var tallies = new List<Record.Tally>();
        for (var i = 0; i < context.Command.Runs; i++)
        {
            var (time, tally, _) = await run.RunAsync(context).ConfigureAwait(false);
            elapsed.Add(time.TotalMilliseconds);
            tallies.Add(tally);
        }

        var median = TimeSpan.FromMilliseconds(Stats.Median(elapsed));
        var ratio = median / run.Floor;
        var wrong = tallies.FirstOrDefault(t => !t.Correct);
        return
        [
            new BenchRow(
                $"many senders: {context.Command.Messages:N0} messages over {BenchSeed.Senders.Count} mailboxes, Import-Csv | Send-GraphMail (median of {context.Command.Runs})",
                Seconds(median),
                $"floor {Seconds(run.Floor)}",
                Times(ratio),
                "≤ 1.10 ×",
                ratio <= 1.10,
                $"range {Seconds(TimeSpan.FromMilliseconds(elapsed.Min()))}–{Seconds(TimeSpan.FromMilliseconds(elapsed.Max()))}; " +
                    (wrong ?? tallies[0]).Line + (wrong is null ? $" (all {tallies.Count} runs)" : " (this run was wrong)"),
                wrong is null),
        ];
    }
}
