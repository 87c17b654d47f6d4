using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Sandbox;

namespace GraphMail.Bench.ColdStart;

/// <summary>
/// A fresh process until its first accepted send: the built module imported as PowerShell does (module host) against
/// the least code that can send (MSAL + one raw HttpClient POST), interleaved run by run, against a sandbox already
/// warm in another process with no added latency. One unmeasured run of each first warms the disk cache.
/// </summary>
public static class ColdStartBenchmark
{
    public static async Task<ColdStartResult> RunAsync(StandaloneSandbox sandbox, int runs)
    {
        using var control = new SandboxControlClient(sandbox.Endpoint);
        await control.ResetAsync().ConfigureAwait(false);
        await RunModuleAsync(sandbox, "cold start warm-up module").ConfigureAwait(false);
        await RunMinimalAsync(sandbox, "cold start warm-up minimal").ConfigureAwait(false);
        await control.ClearRecordsAsync().ConfigureAwait(false);

        var module = new List<HostRun>();
        var minimal = new List<HostRun>();
        for (var run = 1; run <= runs; run++)
        {
            // Alternate who goes first, so neither always follows the other's disk and CPU traces.
            if (run % 2 == 0)
            {
                minimal.Add(await RunMinimalAsync(sandbox, $"cold start {run} minimal").ConfigureAwait(false));
            }

            module.Add(await RunModuleAsync(sandbox, $"cold start {run} module").ConfigureAwait(false));
            if (run % 2 == 1)
            {
                minimal.Add(await RunMinimalAsync(sandbox, $"cold start {run} minimal").ConfigureAwait(false));
            }
        }

        var recorded = (await control.GetMessagesAsync().ConfigureAwait(false)).Count(m => m.Subject?.StartsWith("cold start ", StringComparison.Ordinal) == true);
        return new ColdStartResult(module, minimal, recorded, ImportReport.Parse(module[^1].Report));
    }

    /// <summary>One module host run alone, for the import report.</summary>
    public static async Task<ImportReport> ImportAsync(StandaloneSandbox sandbox) =>
        ImportReport.Parse((await RunModuleAsync(sandbox, "import report").ConfigureAwait(false)).Report);

    private static Task<HostRun> RunModuleAsync(StandaloneSandbox sandbox, string subject) =>
        HostRun.StartAsync(BenchPaths.ModuleHost, BenchPaths.ModuleDirectory, sandbox.ConnectionFile, subject);

    private static Task<HostRun> RunMinimalAsync(StandaloneSandbox sandbox, string subject) =>
        HostRun.StartAsync(BenchPaths.MinimalSender, sandbox.ConnectionFile, subject);
}
