using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Sending;

/// <summary>
/// What Send-GraphMail says about the results it could not report when it ends early: the Message-IDs of Sent and
/// Unknown ones, through the warning stream (so -WarningAction, -WarningVariable and 3>&amp;1 apply), and nothing at
/// all when there is nothing to add (a single refused message).
/// </summary>
public sealed class StopSummaryTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly ModuleRunspace _shell = Connected(sandbox);

    /// <summary>40 rows, row 10 with a bad address: with -ErrorAction Stop the command ends there while later rows are in flight.</summary>
    private const string Rows = """
        Remove-Variable r, w -ErrorAction Ignore
        $rows = 0..39 | ForEach-Object { [pscustomobject]@{ To = $(if ($_ -eq 10) { 'bad' } else { "user$_@fabrikam.com" }); Subject = "row $_" } }

        """;

    [Fact]
    public void AnErrorStopWarnsOnceNamingWhatWasSentAfterIt()
    {
        var run = _shell.Run(Rows + "try { $rows | Send-GraphMail -ResultVariable r -ErrorAction Stop } catch { }");

        var warning = Assert.Single(run.Warnings).Message;
        var results = _shell.Run("$r").Output;
        Assert.StartsWith("Send-GraphMail stopped at an error.", warning);
        Assert.EndsWith($"All {results.Count} results are in $r.", warning);
        foreach (var sent in results.Where(r => (int)r.Properties["InputIndex"].Value > 10 && r.Properties["Status"].Value.ToString() == "Sent"))
        {
            Assert.Contains((string)sent.Properties["InternetMessageId"].Value, warning);
        }
    }

    [Theory]
    [InlineData("-WarningAction SilentlyContinue", 0, 0, 0)]
    [InlineData("-WarningVariable w -WarningAction SilentlyContinue", 0, 1, 0)]
    [InlineData("3>&1", 0, 0, 1)]
    public void TheSummaryFollowsTheWarningParameters(string parameters, int shown, int inVariable, int inOutput)
    {
        var run = _shell.Run(Rows + $"try {{ $rows | Send-GraphMail -ResultVariable r -ErrorAction Stop {parameters} }} catch {{ }}; $w");

        Assert.Equal(shown, run.Warnings.Count);
        Assert.Equal(inVariable, run.Output.Count(o => o.BaseObject is WarningRecord && !parameters.Contains("3>&1")));
        Assert.Equal(inOutput, run.Output.Count(o => o.BaseObject is WarningRecord && parameters.Contains("3>&1")));
    }

    [Fact]
    public void ASingleRefusedMessageEndsWithItsErrorAndNoSummary()
    {
        sandbox.Control.ClearRequests();

        var run = _shell.Run("try { Send-GraphMail -To not-an-address -Subject s -ErrorAction Stop -PassThru } catch { $_ }");

        Assert.Empty(run.Warnings);
        Assert.Equal(2, run.Output.Count);
        Assert.Equal("Failed", run.Output[0].Properties["Status"].Value.ToString());
        Assert.StartsWith("InvalidEmailAddress,", ((ErrorRecord)run.Output[1].BaseObject).FullyQualifiedErrorId);
        Assert.Empty(sandbox.Control.GetRequests());
    }

    [Theory]
    [InlineData("-WarningVariable w", 1)]
    [InlineData("-WarningVariable w -WarningAction Ignore", 0)]
    public async Task AfterPowerShellStopTheSummaryStillReachesWarningVariable(string parameters, int inVariable)
    {
        sandbox.Reset();
        sandbox.Control.UpdateSettings(s => s with { LatencyMs = 20 });
        var seen = 0;
        var tenDelivered = sandbox.Control.WaitForMessageAsync(m => m.Subject!.StartsWith("row ", StringComparison.Ordinal) && Interlocked.Increment(ref seen) == 10);

        await _shell.RunAndStopAsync(Rows.Replace("'bad'", "'ok@fabrikam.com'").Replace("0..39", "0..199") + $"$rows | Send-GraphMail -ResultVariable r {parameters}", tenDelivered);

        var summary = _shell.Run("$w").Output.Select(o => o.BaseObject).OfType<WarningRecord>().ToList();
        Assert.Equal(inVariable, summary.Count);
        Assert.All(summary, w => Assert.StartsWith("Send-GraphMail was stopped.", w.Message));
        Assert.NotEmpty(_shell.Run("$r").Output);
    }

    public void Dispose() => _shell.Dispose();

    private static ModuleRunspace Connected(SandboxFixture sandbox)
    {
        sandbox.Reset();
        sandbox.Control.UpdateSettings(s => s with { LatencyMs = 20 });
        var shell = new ModuleRunspace();
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);
        return shell;
    }
}
