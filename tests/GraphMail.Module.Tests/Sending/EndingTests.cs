using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using Xunit.Abstractions;

namespace GraphMail.Module.Tests.Sending;

/// <summary>
/// Send-GraphMail in a real runspace, ended every way a command can end, each 20 times, under latency and faults:
/// the results a script can read (-ResultVariable, the output) are reconciled with what the sandbox received. No run may
/// deliver a message without a result that says it may have gone, deliver one twice, or lose an input's result.
/// </summary>
public sealed class EndingTests(SandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<SandboxFixture>, IDisposable
{
    private const int Runs = 20;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly ModuleRunspace _shell = Connected(sandbox);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "graphmail-ending-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>$rows: $Count mail-merge rows with subjects "$Run-0", "$Run-1", ...; row $Bad (if set) has a bad address.</summary>
    private const string Rows = """
        Remove-Variable r, caught -ErrorAction Ignore
        $rows = 0..($Count - 1) | ForEach-Object {
            [pscustomobject]@{ To = $(if ($_ -eq $Bad) { 'not-an-address' } else { "user$_@fabrikam.com" }); Subject = "$Run-$_"; Body = 'x' }
        }

        """;

    [Fact]
    public void ANormalEndUnderFaults()
    {
        var tally = Repeat(run =>
        {
            Prepare(5,
                new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept, Ratio = 0.05 },
                new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Ratio = 0.05, RetryAfterSeconds = 0 },
                new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.ResetAfterAccept, Ratio = 0.02 },
                new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.ResetBeforeProcessing, Ratio = 0.02 },
                new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Unavailable, Ratio = 0.02 });
            var written = _shell.Run(Rows + "$rows | Send-GraphMail -PassThru -ResultVariable r", Variables(run, 60));

            Assert.Null(written.Terminating);
            var results = Results();
            Assert.Equal(60, results.Count);
            Assert.Equal(results.Select(Id), written.Output.Select(Id));
            Assert.Equal(results.Count(r => Status(r) != "Sent"), written.Errors.Count);
            return results;
        });

        Assert.True(tally.Sum(r => r.Count("Unknown")) > 0, "the faults made some messages Unknown: " + tally);
    }

    [Fact]
    public void ErrorActionStopAtABadRow()
    {
        Repeat(run =>
        {
            Prepare(10);
            var csv = Path.Combine(_folder, $"run{run}.csv");
            var ended = _shell.Run(Rows + $"try {{ $rows | Send-GraphMail -PassThru -ErrorAction Stop -ResultVariable r | Export-Csv '{csv}' }} catch {{ $caught = $_ }}; $caught",
                Variables(run, 80, bad: 25));

            var caught = Assert.IsType<ErrorRecord>(Assert.Single(ended.Output).BaseObject);
            Assert.StartsWith("InvalidEmailAddress,", caught.FullyQualifiedErrorId);
            var results = Results();
            Assert.Equal("Failed", Status(results[25]));
            Assert.Equal(results.Select(Id), File.ReadAllLines(csv).Skip(1).Select(line => line.Split(',')[5].Trim('"')));
            return results;
        });
    }

    [Fact]
    public void ErrorActionStopOrItsPreferenceUnder504sAfterAccept()
    {
        // 300 rows, 5 % answered 504 after the message was queued: the first Unknown stops the command.
        var tally = Repeat(run =>
        {
            Prepare(5, new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept, Ratio = 0.05 });
            _shell.Run(Rows + (run % 2 == 0
                    ? "try { $rows | Send-GraphMail -ResultVariable r -ErrorAction Stop } catch { $caught = $_ }"
                    : "$ErrorActionPreference = 'Stop'; try { $rows | Send-GraphMail -ResultVariable r } catch { $caught = $_ } finally { $ErrorActionPreference = 'Continue' }"),
                Variables(run, 300));
            return Results();
        });

        Assert.True(tally.Sum(r => r.Count("Unknown")) >= Runs / 2, "504s after accept ended most runs: " + tally);
    }

    [Fact]
    public async Task PowerShellStopMidRun()
    {
        await RepeatAsync(async run =>
        {
            Prepare(20);
            var stopped = await _shell.RunAndStopAsync(Rows + "$rows | Send-GraphMail -ResultVariable r", Delivered(run, 10), Variables(run, 200));

            Assert.NotNull(stopped.Terminating);
            return Results();
        });
    }

    [Fact]
    public void ADownstreamSelectFirst()
    {
        Repeat(run =>
        {
            Prepare(10);
            var first = _shell.Run(Rows + "$rows | Send-GraphMail -PassThru -ResultVariable r | Select-Object -First 5", Variables(run, 120));

            var results = Results();
            Assert.Null(first.Terminating);
            Assert.Equal(results.Take(5).Select(Id), first.Output.Select(Id));
            return results;
        });
    }

    [Fact]
    public async Task ASlowDownstreamCommandThenPowerShellStop()
    {
        await RepeatAsync(async run =>
        {
            Prepare(5);
            var csv = Path.Combine(_folder, $"slow{run}.csv");
            await _shell.RunAndStopAsync(Rows + $"$rows | Send-GraphMail -PassThru -ResultVariable r | ForEach-Object {{ Start-Sleep -Milliseconds 20; $_ }} | Export-Csv '{csv}'",
                Delivered(run, 40), Variables(run, 150));

            var results = Results();
            var exported = File.ReadAllLines(csv).Skip(1).Select(line => line.Split(',')[5].Trim('"')).ToList();
            Assert.Equal(results.Take(exported.Count).Select(Id), exported);
            return results;
        });
    }

    [Fact]
    public void ADownstreamCommandThatThrows()
    {
        Repeat(run =>
        {
            Prepare(10);
            _shell.Run(Rows + "try { $rows | Send-GraphMail -PassThru -ResultVariable r | ForEach-Object { if ($_.InputIndex -eq 7) { throw 'downstream failed' }; $_ } } catch { $caught = $_ }",
                Variables(run, 100));
            return Results();
        });
    }

    [Fact]
    public void AnUpstreamCommandThatThrows()
    {
        Repeat(run =>
        {
            Prepare(10);
            _shell.Run(Rows + "try { & { foreach ($row in $rows) { if ($row.Subject -eq \"$Run-30\") { throw 'upstream failed' }; $row } } | Send-GraphMail -ResultVariable r } catch { $caught = $_ }",
                Variables(run, 100));

            var results = Results();
            Assert.Equal(30, results.Count);
            return results;
        });
    }

    public void Dispose()
    {
        _shell.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ModuleRunspace Connected(SandboxFixture sandbox)
    {
        sandbox.Reset();
        var shell = new ModuleRunspace();
        var connect = shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables());
        Assert.Empty(connect.AllErrors);
        return shell;
    }

    private static Hashtable Variables(int run, int count, int bad = -1) => new() { ["Run"] = $"run{run}", ["Count"] = count, ["Bad"] = bad };

    private static string Id(PSObject result) => (string)result.Properties["InternetMessageId"].Value;

    private static string Status(PSObject result) => result.Properties["Status"].Value.ToString()!;

    private void Prepare(int latencyMs, params FaultSpec[] faults)
    {
        sandbox.Reset();
        sandbox.Control.UpdateSettings(s => s with { LatencyMs = latencyMs });
        foreach (var fault in faults)
        {
            sandbox.Control.AddFault(fault);
        }
    }

    /// <summary>Completes once this run's <paramref name="count"/>th message has reached the sandbox.</summary>
    private Task Delivered(int run, int count)
    {
        var seen = 0;
        return sandbox.Control.WaitForMessageAsync(m => m.Subject!.StartsWith($"run{run}-", StringComparison.Ordinal) && Interlocked.Increment(ref seen) == count)
            .WaitAsync(HangGuard);
    }

    /// <summary>Every result of the last command, as a script reads $r.</summary>
    private System.Collections.Generic.List<PSObject> Results() => _shell.Run("$r").Output.ToList();

    private ReconciliationTally Repeat(Func<int, System.Collections.Generic.List<PSObject>> once, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        RepeatAsync(run => Task.FromResult(once(run)), name).GetAwaiter().GetResult();

    private async Task<ReconciliationTally> RepeatAsync(Func<int, Task<System.Collections.Generic.List<PSObject>>> once, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var tally = new ReconciliationTally();
        for (var run = 0; run < Runs; run++)
        {
            var results = await once(run);
            var reconciled = Reconciliation.Of(results, sandbox.Control.GetMessages());
            tally.Add(reconciled);
            Assert.True(reconciled.IsClean, $"{name} run {run}: {reconciled}");
        }

        output.WriteLine($"{name}: {tally}");
        return tally;
    }
}
