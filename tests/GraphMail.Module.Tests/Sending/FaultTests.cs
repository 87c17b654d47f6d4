using System.Collections;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Sending;

/// <summary>Faults a real host meets in the middle of a mail merge, through Send-GraphMail itself.</summary>
public sealed class FaultTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData(FaultKind.Throttle)]
    [InlineData(FaultKind.Unavailable)]
    public void ABusyTokenServiceDuringARenewalDoesNotFailTheMessagesWaitingOnIt(FaultKind kind)
    {
        sandbox.Reset();
        using var shell = new ModuleRunspace();
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);
        sandbox.Control.ExpireAllTokens();
        sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Token, Kind = kind, Count = 1, RetryAfterSeconds = 1 });

        var run = shell.Run("0..19 | ForEach-Object { [pscustomobject]@{ To = \"user$_@fabrikam.com\"; Subject = \"renewal $_\" } } | Send-GraphMail -PassThru");

        Assert.Empty(run.AllErrors);
        Assert.Equal(Enumerable.Repeat("Sent", 20), run.Output.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Equal(20, sandbox.Control.GetMessages().Count);
        Assert.Contains(sandbox.Control.GetRequests(), r => r.Route == RouteNames.Token && r.Fault is not null);
    }
}
