using System.Collections.Generic;
using System.Threading.Tasks;
using GraphMail.Bench.Record;
using GraphMail.Bench.Report;
using GraphMail.Bench.Sandbox;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Rows;

/// <summary>
/// Bulk in the real pipeline: `Import-Csv | Send-GraphMail`, one mailbox, 40 ms latency, 4 requests in flight, against
/// the floor (messages × 40 ms / 4); then with 5 % of sendMail attempts answered 429. Side by side, under the same
/// faults: the setup guides' Invoke-RestMethod foreach loop and the ForEach-Object -Parallel -ThrottleLimit 4 script.
/// Targets: ≤ 1.10 × the floor, ≤ 1.30 × with 429s.
/// </summary>
public sealed class BulkRow : IBenchRow
{
    public string Description => "bulk: Import-Csv | Send-GraphMail vs the floor, plain and with 5 % 429s, beside the Invoke-RestMethod loop and -Parallel script";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var rows = new List<BenchRow>();
        foreach (var (throttle, target) in new[] { (0.0, 1.10), (0.05, 1.30) })
        {
            var faults = throttle > 0 ? ", 5 % answered 429 (Retry-After 1 s)" : string.Empty;
            foreach (var (script, name) in new[]
            {
                ("Bulk-GraphMail.ps1", "Import-Csv | Send-GraphMail"),
                ("Bulk-InvokeRestMethod.ps1", "Invoke-RestMethod foreach loop (baseline)"),
                ("Bulk-ForEachParallel.ps1", "ForEach-Object -Parallel -ThrottleLimit 4 (baseline)"),
            })
            {
                var run = new BulkRun(script, $"bulk {(throttle > 0 ? "429 " : string.Empty)}{script}", context.Command.Messages, 40, throttle, [SandboxApp.Sender], SandboxApp.MailSend);
                Program.Step($"bulk{faults}: {name}");
                var (elapsed, tally, throttled) = await run.RunAsync(context).ConfigureAwait(false);
                var graphMail = script == "Bulk-GraphMail.ps1";
                var ratio = elapsed / run.Floor;
                rows.Add(new BenchRow(
                    $"bulk{faults}: {context.Command.Messages:N0} messages, {name}",
                    Seconds(elapsed),
                    $"floor {Seconds(run.Floor)}",
                    Times(ratio),
                    graphMail ? $"≤ {target:0.00} ×" : "–",
                    graphMail ? ratio <= target : null,
                    $"{tally.Line}; {throttled} sendMail attempts answered 429",
                    !graphMail || tally.Correct));
            }
        }

        return rows;
    }
}
