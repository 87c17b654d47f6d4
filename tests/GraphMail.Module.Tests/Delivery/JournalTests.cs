using System;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Delivery;

/// <summary>Send-GraphMail -Journal in a real runspace: reruns skip what was sent, resolve what was not known, and survive a torn line.</summary>
public sealed class JournalTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public void ARerunSkipsWhatTheJournalShowsSentAndSaysSo()
    {
        using var shell = new DeliveryShell(sandbox);
        Assert.Empty(shell.Run(DeliveryShell.Rows(1, 3) + " | Send-GraphMail -Delivery ExactlyOnce -Journal $Journal").AllErrors);

        var rerun = shell.Run(DeliveryShell.Rows(1, 4) + " | Send-GraphMail -Delivery ExactlyOnce -Journal $Journal -PassThru");

        Assert.Empty(rerun.AllErrors);
        Assert.Equal(new[] { "Skipped", "Skipped", "Skipped", "Sent" }, rerun.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Equal(4, sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void WithoutAMessageKeyTheMessageItselfIsTheKey()
    {
        using var shell = new DeliveryShell(sandbox);
        const string rows = "1..2 | ForEach-Object { [pscustomobject]@{ To = \"u$_@fabrikam.com\"; Subject = \"hashed $_\" } }";
        Assert.Empty(shell.Run(rows + " | Send-GraphMail -Journal $Journal").AllErrors);

        var rerun = shell.Run(rows + " | Send-GraphMail -Journal $Journal -PassThru");

        Assert.Equal(new[] { "Skipped", "Skipped" }, rerun.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Equal(2, sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void ADefaultModeUnknownIsResolvedFromSentItemsOnTheRerunAndNotSentAgain()
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 1 });
        var first = shell.Run(DeliveryShell.Rows(1, 2) + " | Send-GraphMail -Journal $Journal -PassThru -ErrorAction SilentlyContinue");
        // Both messages are on the wire at once, so which one meets the fault is not fixed; that one does is.
        var firstStatuses = first.Output.Select(r => r.Properties["Status"].Value.ToString()).ToList();
        Assert.Equal(new[] { "Sent", "Unknown" }, firstStatuses.Order());
        sandbox.Control.DeliverSentItems();

        var rerun = shell.Run(DeliveryShell.Rows(1, 2) + " | Send-GraphMail -Journal $Journal -PassThru");

        Assert.Empty(rerun.AllErrors);
        // The Unknown one is confirmed Sent from Sent Items; the one already Sent is skipped. Neither goes out again.
        Assert.Equal(firstStatuses.Select(s => s == "Unknown" ? "Sent" : "Skipped"), rerun.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Equal(2, sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void AnUnknownThatSentItemsCannotConfirmStaysUnknownAndIsNeverResentBlindly()
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.UpdateSettings(s => s with { SentItemsDelayMs = (int)TimeSpan.FromHours(1).TotalMilliseconds });
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.ResetAfterAccept, Count = 1 });
        shell.Run(DeliveryShell.Rows(1, 1) + " | Send-GraphMail -Journal $Journal -ErrorAction SilentlyContinue");

        var rerun = shell.Run(DeliveryShell.Rows(1, 1) + " | Send-GraphMail -Journal $Journal -PassThru -ErrorAction SilentlyContinue");

        Assert.True(rerun.Output.Count == 1, rerun.AllText());
        var result = rerun.Output.Single();
        Assert.Equal("Unknown", result.Properties["Status"].Value.ToString());
        Assert.Equal("SendOutcomeUnknown", result.Properties["ErrorId"].Value);
        Assert.Contains("does not send it again blindly", ((Exception)result.Properties["Error"].Value).Message, StringComparison.Ordinal);
        Assert.Single(sandbox.Control.GetMessages());
    }

    [Fact]
    public void ATornLastLineIsSkippedAndItsMessageIsResolved()
    {
        using var shell = new DeliveryShell(sandbox);
        Assert.Empty(shell.Run(DeliveryShell.Rows(1, 2) + " | Send-GraphMail -Delivery ExactlyOnce -Journal $Journal").AllErrors);
        File.AppendAllText(shell.JournalPath, "{\"at\":\"2026-01-01T00:00:00Z\",\"key\":\"row-3\",\"mess");

        var rerun = shell.Run(DeliveryShell.Rows(1, 3) + " | Send-GraphMail -Delivery ExactlyOnce -Journal $Journal -PassThru -Verbose");

        Assert.Empty(rerun.AllErrors);
        Assert.Equal(new[] { "Skipped", "Skipped", "Sent" }, rerun.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Contains(rerun.Verbose, v => v.Message.Contains("torn last line", StringComparison.Ordinal));
        Assert.Equal(3, sandbox.Control.GetMessages().Count);
        // The torn fragment stays on a line of its own; every line after it is whole.
        var lines = File.ReadAllLines(shell.JournalPath);
        Assert.Contains(lines, l => l.EndsWith("\"mess", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"key\":\"row-3\"", StringComparison.Ordinal) && l.Contains("\"status\":\"Sent\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AJournalDamagedBeforeItsLastLineEndsTheCommandBeforeAnythingIsSent()
    {
        using var shell = new DeliveryShell(sandbox);
        File.WriteAllText(shell.JournalPath, "not a record\n{\"at\":\"2026-01-01T00:00:00Z\",\"key\":\"k\",\"messageId\":\"<a@b>\",\"status\":\"Sent\",\"from\":\"noreply@contoso.com\",\"recipients\":1}\n");

        var run = shell.Run(DeliveryShell.Rows(1, 2) + " | Send-GraphMail -Journal $Journal -PassThru");

        Assert.Equal("JournalUnreadable", run.AllErrors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Line 1", run.AllErrors.Single().Exception.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.Control.GetMessages());
        Assert.DoesNotContain(sandbox.Control.GetRequests(), r => r.Route is RouteNames.SendMail or RouteNames.CreateMessage);
    }
}
