using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>-WhatIf changes nothing and -Confirm:$false goes ahead without asking, even under $ConfirmPreference = 'Low'.</summary>
public sealed class ShouldProcessTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ShouldProcessTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private ScriptRun Run(string script)
    {
        using var shell = new ModuleRunspace();
        return shell.Run(SandboxFixture.ConnectSender + "\n" + FakeExchangeOnline.Script + script, _sandbox.SenderVariables());
    }

    [Fact]
    public void SendGraphMailWhatIfSendsNothingAndWritesNothing()
    {
        var run = Run("Send-GraphMail -To ops@contoso.com -Subject 'What if' -PassThru -WhatIf").Succeeded();

        Assert.Empty(run.Output);
        Assert.Empty(_sandbox.Control.GetMessages());
        Assert.DoesNotContain(_sandbox.Control.GetRequests(), r => r.Route == RouteNames.SendMail);
    }

    [Fact]
    public void SendGraphMailSaysAnExactlyOnceMessageGoesThroughADraft()
    {
        // What -WhatIf and -Confirm show is what ShouldProcess says under -Verbose; the send itself may fail (no Mail.ReadWrite).
        var run = Run("Send-GraphMail -To ops@contoso.com -Subject 'Draft' -Delivery ExactlyOnce -Verbose -ErrorAction SilentlyContinue");

        var said = Assert.Single(run.Verbose, v => v.Message.Contains("\"Send mail\"", System.StringComparison.Ordinal)).Message;
        Assert.Contains("through a draft, then /send (-Delivery ExactlyOnce; needs Mail.ReadWrite)", said, System.StringComparison.Ordinal);
        Assert.DoesNotContain("sendMail request", said, System.StringComparison.Ordinal);
    }

    [Fact]
    public void SendGraphMailConfirmFalseSendsWithoutAsking()
    {
        var run = Run("$ConfirmPreference = 'Low'; Send-GraphMail -To ops@contoso.com -Subject 'Confirmed' -PassThru -Confirm:$false").Succeeded();

        Assert.Equal("Sent", Assert.Single(run.Output).Property("Status")!.ToString());
        Assert.Equal("Confirmed", Assert.Single(_sandbox.Control.GetMessages()).Subject);
    }

    [Fact]
    public void TestGraphMailSetupWhatIfRunsTheChecksButSendsNoVerificationMessage()
    {
        var run = Run("Test-GraphMailSetup -Mailbox noreply@contoso.com -TestRecipient helpdesk@example.com -WhatIf -WarningAction SilentlyContinue").Succeeded();

        Assert.NotEmpty(run.Output);
        Assert.Equal("GraphMail.SetupSummary", run.Output[^1].BaseObject.GetType().FullName);
        Assert.DoesNotContain(_sandbox.Control.GetMessages(), m => m.ToRecipients.Any(r => r.Address == "helpdesk@example.com"));
    }

    [Fact]
    public void TestGraphMailSetupConfirmFalseSendsTheOneVerificationMessage()
    {
        Run("$ConfirmPreference = 'Low'; Test-GraphMailSetup -Mailbox noreply@contoso.com -TestRecipient helpdesk@example.com -Confirm:$false -WarningAction SilentlyContinue").Succeeded();

        Assert.Single(_sandbox.Control.GetMessages(), m => m.ToRecipients.Any(r => r.Address == "helpdesk@example.com"));
    }

    [Fact]
    public void NewGraphMailMailboxScopeWhatIfDeclinesEveryStepAndRunsNoExchangeCommand()
    {
        var run = Run("New-GraphMailMailboxScope -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -Mailbox noreply@contoso.com -ServicePrincipalObjectId 6c0f1e42-52a5-4bd8-a3a2-1c9d2c1e7b11 -WhatIf -WarningAction SilentlyContinue; ,$global:ExchangeCalls").Succeeded();

        var steps = run.Output.Take(run.Output.Count - 1).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.Equal("Declined", s.Property("Status")!.ToString()));
        Assert.Empty(Assert.IsType<System.Collections.Generic.List<string>>(run.Output[^1].BaseObject));
    }

    [Fact]
    public void NewGraphMailMailboxScopeConfirmFalseRunsEachStepInExchange()
    {
        var run = Run("$ConfirmPreference = 'Low'; New-GraphMailMailboxScope -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -Mailbox noreply@contoso.com -ServicePrincipalObjectId 6c0f1e42-52a5-4bd8-a3a2-1c9d2c1e7b11 -Confirm:$false -WarningAction SilentlyContinue; ,$global:ExchangeCalls").Succeeded();

        var steps = run.Output.Take(run.Output.Count - 1).ToList();
        var calls = Assert.IsType<System.Collections.Generic.List<string>>(run.Output[^1].BaseObject);
        Assert.All(steps, s => Assert.Equal("Ran", s.Property("Status")!.ToString()));
        Assert.Equal(steps.Count, calls.Count);
        Assert.Contains(calls, c => c.StartsWith("New-ServicePrincipal ", System.StringComparison.Ordinal) && c.Contains("51c27551-41e7-4952-a996-08bd0bfb1752"));
        Assert.Contains(calls, c => c.StartsWith("New-ManagementRoleAssignment ", System.StringComparison.Ordinal));
    }
}
