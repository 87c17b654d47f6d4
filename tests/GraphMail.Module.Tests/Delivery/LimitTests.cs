using System;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Delivery;

/// <summary>Exchange's sending limits, met before they bite: per message before any request, per day from the journal.</summary>
public sealed class LimitTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string FiveHundredOne = "$to = 1..501 | ForEach-Object { \"r$_@fabrikam.com\" }; ";

    [Fact]
    public void AMessageOverTheRecipientLimitIsRefusedBeforeAnyRequestWithItsCountNamed()
    {
        using var shell = new DeliveryShell(sandbox);

        var run = shell.Run(FiveHundredOne + "Send-GraphMail -To $to -Subject big -PassThru -ErrorAction SilentlyContinue");

        Assert.True(run.Output.Count == 1, run.AllText());
        var result = run.Output.Single();
        Assert.Equal("Failed", result.Properties["Status"].Value.ToString());
        Assert.Equal("TooManyRecipients", result.Properties["ErrorId"].Value);
        Assert.Contains("501 recipients", ((Exception)result.Properties["Error"].Value).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Control.GetRequests(), r => r.Route is RouteNames.SendMail or RouteNames.CreateMessage);
    }

    [Fact]
    public void MaxRecipientsPerMessageRaisesTheLimitUpToWhatExchangeAllows()
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.UpdateSettings(s => s with { MaxRecipientsPerMessage = 1000 });

        var run = shell.Run(FiveHundredOne + "Send-GraphMail -To $to -Subject big -MaxRecipientsPerMessage 1000 -PassThru");
        var over = shell.Run(FiveHundredOne + "Send-GraphMail -To $to -Subject big -MaxRecipientsPerMessage 1001");

        Assert.Equal("Sent", run.Output.Single().Properties["Status"].Value.ToString());
        Assert.Equal(501, sandbox.Control.GetMessages().Single().ToRecipients.Count);
        Assert.Contains("1000", over.AllErrors.Single().Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAJournalTheRunStopsSendingBeforeTheMailboxPassesTenThousandRecipientsADay()
    {
        using var shell = new DeliveryShell(sandbox);
        var now = DateTimeOffset.UtcNow.AddHours(-1).ToString("o");
        File.WriteAllText(shell.JournalPath,
            $"{{\"at\":\"{now}\",\"key\":\"earlier\",\"messageId\":\"<earlier@contoso.com>\",\"status\":\"Sent\",\"from\":\"noreply@contoso.com\",\"recipients\":9998}}\n");

        var run = shell.Run(DeliveryShell.Rows(1, 3) + " | Send-GraphMail -Journal $Journal -PassThru -ErrorAction SilentlyContinue");

        Assert.Equal(new[] { "Sent", "Sent", "NotSent" }, run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Equal("DailyRecipientLimitReached", run.Output[2].Properties["ErrorId"].Value);
        Assert.Contains("has sent to 10000 recipients", ((Exception)run.Output[2].Properties["Error"].Value).Message, StringComparison.Ordinal);
        Assert.Equal(2, sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void TheSandboxRefusesAMailboxOverItsDailyLimitWithExchangesError()
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.UpdateSettings(s => s with { MaxRecipientsPerDay = 2 });

        var run = shell.Run(DeliveryShell.Rows(1, 3) + " | Send-GraphMail -PassThru -ErrorAction SilentlyContinue");

        // Up to 4 messages are on the wire at once, so which of the three the limit refuses is not fixed: that two are sent and one is refused is.
        var statuses = run.Output.Select(r => r.Properties["Status"].Value.ToString()).ToList();
        Assert.Equal(new[] { "Failed", "Sent", "Sent" }, statuses.Order());
        var refused = Assert.Single(run.Output, r => r.Properties["Status"].Value.ToString() == "Failed");
        Assert.Equal("DailyRecipientLimitReached", refused.Properties["ErrorId"].Value);
        Assert.Equal(2, sandbox.Control.GetMessages().Count);
    }
}
