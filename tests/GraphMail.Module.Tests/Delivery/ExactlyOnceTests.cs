using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Delivery;

/// <summary>-Delivery ExactlyOnce through Send-GraphMail in a real runspace, against the sandbox's faults.</summary>
public sealed class ExactlyOnceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public void AnAmbiguousCreateIsLookedUpByMessageIdAndNeitherDuplicatesNorLeavesADraft()
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.CreateMessage, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 2 });
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.CreateMessage, Kind = FaultKind.ResetAfterAccept, Count = 2 });

        var run = shell.Run(DeliveryShell.Rows(1, 6) + " | Send-GraphMail -Delivery ExactlyOnce -PassThru");

        Assert.Empty(run.AllErrors);
        Assert.Equal(Enumerable.Repeat("Sent", 6), run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        var delivered = DeliveryShell.BySubject(sandbox.Control);
        Assert.All(Enumerable.Range(1, 6), n => Assert.Single(delivered[$"merge {n}"]));
        Assert.Empty(sandbox.Control.GetDrafts());
        Assert.Contains(sandbox.Control.GetRequests(), r => r.Route == RouteNames.ListMessages);
    }

    [Theory]
    [InlineData(FaultKind.GatewayTimeoutAfterAccept)]
    [InlineData(FaultKind.ResetAfterAccept)]
    [InlineData(FaultKind.Unavailable)]
    public void AnAmbiguousSendIsReadBackAndSentExactlyOnce(FaultKind kind)
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Send, Kind = kind, Count = 3 });

        var run = shell.Run(DeliveryShell.Rows(1, 5) + " | Send-GraphMail -Delivery ExactlyOnce -PassThru");

        Assert.Empty(run.AllErrors);
        Assert.Equal(Enumerable.Repeat("Sent", 5), run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        var delivered = DeliveryShell.BySubject(sandbox.Control);
        Assert.All(Enumerable.Range(1, 5), n => Assert.Single(delivered[$"merge {n}"]));
        Assert.Empty(sandbox.Control.GetDrafts());
        // After an ambiguous /send the draft was read back by its immutable id.
        Assert.Contains(sandbox.Control.GetRequests(), r => r.Route == RouteNames.GetMessage);
    }

    [Fact]
    public void TheDefaultModeUnderTheSameFaultLeavesUnknownAndNeverResends()
    {
        using var shell = new DeliveryShell(sandbox);
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 1 });

        var run = shell.Run(DeliveryShell.Rows(1, 3) + " | Send-GraphMail -PassThru -ErrorAction SilentlyContinue");

        // Which of the three concurrent messages meets the fault is not fixed; that exactly one is left Unknown is.
        Assert.Equal(new[] { "Sent", "Sent", "Unknown" }, run.Output.Select(r => r.Properties["Status"].Value.ToString()).Order());
        Assert.Equal(3, sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void WithoutMailReadWriteExactlyOnceFailsWithThePermissionNamedAndSendsNothing()
    {
        sandbox.Reset();
        using var shell = new ModuleRunspace();
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);

        var run = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject s -Delivery ExactlyOnce -PassThru -ErrorAction SilentlyContinue");

        Assert.Equal("Failed", run.Output.Single().Properties["Status"].Value.ToString());
        Assert.Equal("MailReadWritePermissionMissing", run.Output.Single().Properties["ErrorId"].Value);
        Assert.Empty(sandbox.Control.GetMessages());
    }
}
