using System.Collections.Generic;
using System.Threading.Tasks;
using GraphMail.Bench.Report;
using GraphMail.Bench.Sandbox;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Rows;

/// <summary>
/// ExactlyOnce against the default mode (AtMostOnce): `Import-Csv | Send-GraphMail -Delivery …`, one mailbox, 40 ms
/// latency, 4 requests in flight. First without faults (the throughput cost: two requests a message, so about 2 × is
/// expected; target ≤ 2.20 × AtMostOnce), then with 10 % of messages meeting an ambiguous fault (half 504 after accept,
/// half a reset after processing; ExactlyOnce's spread over its create and /send requests). Target under faults: every
/// message Sent and delivered once. AtMostOnce's honest Unknown count is the comparison. Runs killed mid-way and resumed
/// with their journal are measured by bench/exactly-once/Measure-ExactlyOnce.ps1 (docs/performance.md).
/// </summary>
public sealed class ExactlyOnceRow : IBenchRow
{
    private const double AmbiguousRatio = 0.10;

    public string Description => "exactlyonce: Send-GraphMail -Delivery ExactlyOnce vs AtMostOnce, plain and under 10 % ambiguous faults";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var messages = context.Command.Messages;
        Program.Step("exactly once: AtMostOnce, no faults");
        var (atMostOnce, plainTally, _) = await Run(context, BulkRun.AtMostOnce, faulted: false).RunAsync(context).ConfigureAwait(false);
        Program.Step("exactly once: ExactlyOnce, no faults");
        var exactlyRun = Run(context, BulkRun.ExactlyOnce, faulted: false);
        var (exactlyOnce, exactlyTally, _) = await exactlyRun.RunAsync(context).ConfigureAwait(false);
        var cost = exactlyOnce / atMostOnce;
        Program.Step("exactly once: AtMostOnce, 10 % ambiguous faults");
        var (_, atMostFaulted, _) = await Run(context, BulkRun.AtMostOnce, faulted: true).RunAsync(context).ConfigureAwait(false);
        Program.Step("exactly once: ExactlyOnce, 10 % ambiguous faults");
        var (faultedTime, exactlyFaulted, _) = await Run(context, BulkRun.ExactlyOnce, faulted: true).RunAsync(context).ConfigureAwait(false);

        return
        [
            new BenchRow(
                $"exactly once: {messages:N0} messages, -Delivery ExactlyOnce against AtMostOnce (no faults)",
                Seconds(exactlyOnce),
                $"AtMostOnce {Seconds(atMostOnce)}; ExactlyOnce floor {Seconds(exactlyRun.Floor)}",
                Times(cost),
                "≤ 2.20 ×",
                cost <= 2.20,
                $"AtMostOnce: {plainTally.Line}. ExactlyOnce: {exactlyTally.Line}",
                plainTally.Correct && exactlyTally.Correct),
            new BenchRow(
                $"exactly once: {messages:N0} messages, 10 % ambiguous faults, AtMostOnce (comparison)",
                "–",
                "–",
                "–",
                "–",
                null,
                $"{atMostFaulted.Results - atMostFaulted.ReportedSent} not reported Sent (Unknown); {atMostFaulted.Line}",
                atMostFaulted.Lost == 0 && atMostFaulted.Duplicated == 0),
            new BenchRow(
                $"exactly once: {messages:N0} messages, 10 % ambiguous faults, ExactlyOnce",
                Seconds(faultedTime),
                "–",
                "–",
                "all Sent, 0 Unknown, 0 duplicated",
                exactlyFaulted.Correct,
                $"{exactlyFaulted.Results - exactlyFaulted.ReportedSent} not reported Sent; {exactlyFaulted.Line}",
                exactlyFaulted.Correct),
        ];
    }

    private static BulkRun Run(BenchContext context, string delivery, bool faulted) =>
        new("Bulk-GraphMail.ps1", $"exactly-once {delivery}{(faulted ? " faulted" : string.Empty)}", context.Command.Messages, 40, 0,
            [SandboxApp.Sender], SandboxApp.ReadWrite, delivery, faulted ? AmbiguousFaults(delivery) : null);

    private static List<FaultSpec> AmbiguousFaults(string delivery)
    {
        string[] routes = delivery == BulkRun.ExactlyOnce ? [RouteNames.CreateMessage, RouteNames.Send] : [RouteNames.SendMail];
        var each = AmbiguousRatio / (2 * routes.Length);
        var faults = new List<FaultSpec>();
        foreach (var route in routes)
        {
            faults.Add(new FaultSpec { Route = route, Kind = FaultKind.GatewayTimeoutAfterAccept, Ratio = each });
            faults.Add(new FaultSpec { Route = route, Kind = FaultKind.ResetAfterAccept, Ratio = each });
        }

        return faults;
    }
}
