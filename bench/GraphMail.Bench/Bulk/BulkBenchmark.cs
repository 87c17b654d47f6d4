using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Sandbox;
using GraphMail.Bench.Sending;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending.Model;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Bench.Bulk;

/// <summary>
/// Many messages from one mailbox against the sandbox with its latency and limits set: one command with a pipeline
/// record per message (Import-Csv | Send-GraphMail), or a script loop with one command per message. The clock runs
/// from the first record to the last result; connecting and a warm-up are outside it.
/// </summary>
public static class BulkBenchmark
{
    private const int WarmUpMessages = 8;

    public static async Task<BulkResult> RunAsync(SandboxEndpoint sandbox, BulkSettings settings)
    {
        using var control = new SandboxControlClient(sandbox);
        await control.ResetAsync().ConfigureAwait(false);
        using var connection = await BenchConnection.ConnectAsync(sandbox, SandboxApp.MailSend).ConfigureAwait(false);
        Send(connection, settings with { Messages = WarmUpMessages }, "warm-up");

        await control.UpdateSettingsAsync(new { latencyMs = settings.LatencyMs, concurrentRequests = BulkSettings.RequestsPerMailbox }).ConfigureAwait(false);
        await control.ClearFaultsAsync(settings.RandomSeed).ConfigureAwait(false);
        if (settings.ThrottleRatio > 0)
        {
            await control.AddFaultAsync(new FaultSpec
            {
                Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Ratio = settings.ThrottleRatio, RetryAfterSeconds = settings.RetryAfterSeconds,
            }).ConfigureAwait(false);
        }

        await control.ClearRecordsAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var outcomes = Send(connection, settings, "bulk");
        clock.Stop();
        await control.ClearFaultsAsync(settings.RandomSeed).ConfigureAwait(false);
        return await CheckAsync(control, settings, clock.Elapsed, outcomes).ConfigureAwait(false);
    }

    private static List<SendResult> Send(GraphMailConnection connection, BulkSettings settings, string label)
    {
        var rows = Enumerable.Range(1, settings.Messages)
            .Select(i => OneCommand.Parameters(("To", $"user{i}@fabrikam.com"), ("Subject", $"{label} {i} of {settings.Messages}"), ("Body", "GraphMail bulk benchmark")))
            .ToList();
        return settings.Sequential
            ? rows.SelectMany(row => OneCommand.Run(connection, row, Array.Empty<MailParameters>())).ToList()
            : OneCommand.Run(connection, new MailParameters(), rows).ToList();
    }

    /// <summary>Every message one result; every Sent one recorded exactly once; nothing recorded that was not sent.</summary>
    private static async Task<BulkResult> CheckAsync(SandboxControlClient control, BulkSettings settings, TimeSpan elapsed, List<SendResult> outcomes)
    {
        var recorded = (await control.GetMessagesAsync().ConfigureAwait(false)).GroupBy(m => m.InternetMessageId).ToDictionary(g => g.Key, g => g.Count());
        var sentIds = outcomes.Where(o => o.Status == SendStatus.Sent).Select(o => o.InternetMessageId).ToList();
        var attempts = await control.GetRequestsAsync(RouteNames.SendMail).ConfigureAwait(false);
        var concurrency = await control.GetConcurrencyAsync().ConfigureAwait(false);
        return new BulkResult(
            settings,
            elapsed,
            outcomes.Count,
            outcomes.Select(o => o.Subject).Distinct().Count(),
            sentIds.Count,
            recorded.Values.Sum(),
            sentIds.Count(id => !recorded.ContainsKey(id)),
            recorded.Values.Sum(count => count - 1),
            recorded.Keys.Except(outcomes.Select(o => o.InternetMessageId)).Count(),
            attempts.Count(r => r.Status == 429),
            concurrency.Sum(c => c.Throttled),
            concurrency.Select(c => c.PeakInFlight).DefaultIfEmpty().Max());
    }
}
