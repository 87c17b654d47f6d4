using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Bench.Pwsh;
using GraphMail.Bench.Record;
using GraphMail.Bench.Sandbox;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Bench.Rows;

/// <summary>
/// One bulk script run (bench/scripts/Bulk-*.ps1) against the sandbox set to <paramref name="LatencyMs"/> on every request
/// and 4 requests in flight per app and mailbox, with <paramref name="ThrottleRatio"/> of sendMail attempts answered 429
/// (Retry-After 1 s): a CSV of messages with their own subjects, the script's clock (first row to last result, connecting
/// and an 8-row warm-up outside it), and its results against the sandbox's record.
/// </summary>
public sealed record BulkRun(string Script, string Label, int Messages, int LatencyMs, double ThrottleRatio, IReadOnlyList<string> Senders, SandboxApp App,
    string Delivery = BulkRun.AtMostOnce, IReadOnlyList<FaultSpec>? Faults = null)
{
    public const string AtMostOnce = "AtMostOnce";
    public const string ExactlyOnce = "ExactlyOnce";
    public const int RequestsPerMailbox = 4;
    private const int WarmUpMessages = 8;
    private const int RandomSeed = 8;

    /// <summary>No sender can do better: every message needs one request of the latency, and only 4 per mailbox may be on the wire.</summary>
    /// <summary>ExactlyOnce makes two requests a message (create the draft, then /send), so its floor is twice as long.</summary>
    public TimeSpan Floor => TimeSpan.FromMilliseconds((double)Messages * LatencyMs * RequestsPerMessage / (RequestsPerMailbox * Senders.Count));

    private int RequestsPerMessage => Delivery == ExactlyOnce ? 2 : 1;

    public async Task<(TimeSpan Elapsed, Tally Tally, int Throttled)> RunAsync(BenchContext context)
    {
        var control = context.Control;
        await control.ResetAsync().ConfigureAwait(false);
        await control.UpdateSettingsAsync(new { latencyMs = LatencyMs, concurrentRequests = RequestsPerMailbox }).ConfigureAwait(false);
        await control.ClearFaultsAsync(RandomSeed).ConfigureAwait(false);
        if (ThrottleRatio > 0)
        {
            await control.AddFaultAsync(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Ratio = ThrottleRatio, RetryAfterSeconds = 1 }).ConfigureAwait(false);
        }

        foreach (var fault in Faults ?? [])
        {
            await control.AddFaultAsync(fault).ConfigureAwait(false);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = WriteCsv(context, $"{Label} {run}", Messages);
        var warmUp = WriteCsv(context, $"warm-up {Label} {run}", WarmUpMessages);
        var output = Path.Combine(context.WorkDirectory, run + ".json");
        var arguments = new List<string>();
        if (Script == "Bulk-GraphMail.ps1")
        {
            arguments.Add(BenchPaths.ModuleManifest);
        }

        arguments.AddRange([context.Sandbox.ConnectionFile, App.ClientId, App.Secret, csv.Path, warmUp.Path, output]);
        if (Delivery != AtMostOnce)
        {
            arguments.Add(Delivery);
        }

        await PwshRun.FileAsync(Script, [.. arguments]).ConfigureAwait(false);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output).ConfigureAwait(false));
        var elapsed = TimeSpan.FromMilliseconds(report.RootElement.GetProperty("elapsedMs").GetDouble());
        var results = report.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("subject").GetString() ?? string.Empty, r.GetProperty("status").GetString() ?? string.Empty))
            .ToList();
        var tally = await Tally.CheckAsync(control, csv.Subjects, results).ConfigureAwait(false);
        var throttled = (await control.GetRequestsAsync(RouteNames.SendMail).ConfigureAwait(false)).Count(r => r.Status == 429);
        await control.ClearFaultsAsync(RandomSeed).ConfigureAwait(false);
        return (elapsed, tally, throttled);
    }

    private (string Path, List<string> Subjects) WriteCsv(BenchContext context, string label, int count)
    {
        var path = Path.Combine(context.WorkDirectory, label.Replace(' ', '-') + ".csv");
        var subjects = new List<string>();
        var text = new StringBuilder("To,From,Subject,Body\n");
        for (var i = 1; i <= count; i++)
        {
            var subject = $"{label} {i} of {count}";
            subjects.Add(subject);
            text.Append($"user{i}@fabrikam.com,{Senders[i % Senders.Count]},{subject},GraphMail bulk benchmark\n");
        }

        File.WriteAllText(path, text.ToString());
        return (path, subjects);
    }
}
