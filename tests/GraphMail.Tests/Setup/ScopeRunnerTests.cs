using System.Linq;
using GraphMail.Engine.Setup.Scoping;
using GraphMail.Exchange;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Setup;

/// <summary>Running a scoping plan in the Exchange session: each step under ShouldProcess, a failure stops the rest.</summary>
public sealed class ScopeRunnerTests
{
    private static readonly MailboxScopePlan Plan = MailboxScopePlanner.Create(new MailboxScopeRequest
    {
        ClientId = SandboxDefaults.SenderAppId, Mailboxes = [SandboxDefaults.Noreply], ServicePrincipalObjectId = SandboxDefaults.SenderObjectId,
    });

    [Fact]
    public void ApprovedStepsRunInOrderAsStructuredCommands()
    {
        var exchange = new FakeExchange();

        var steps = ScopeRunner.Run(Plan, exchange, _ => true).ToList();

        Assert.Equal([MailboxScopeStepStatus.Ran, MailboxScopeStepStatus.Ran, MailboxScopeStepStatus.Ran], steps.Select(s => s.Status));
        Assert.Equal(["New-ServicePrincipal", "New-ManagementScope", "New-ManagementRoleAssignment"], exchange.Invoked.Select(c => c.Name));
        Assert.Equal(Plan.Commands.Select(c => c.ToText()), steps.Select(s => s.Command));
        Assert.Equal([1, 2, 3], steps.Select(s => s.Step));
    }

    [Fact]
    public void WhatIfDeclinesEveryStepAndRunsNone()
    {
        var exchange = new FakeExchange();
        var asked = 0;

        var steps = ScopeRunner.Run(Plan, exchange, _ => { asked++; return false; }).ToList();

        Assert.Equal(3, asked);
        Assert.All(steps, s => Assert.Equal(MailboxScopeStepStatus.Declined, s.Status));
        Assert.Empty(exchange.Invoked);
    }

    [Fact]
    public void AFailedStepStopsTheStepsThatDependOnIt()
    {
        var exchange = new FakeExchange { FailingCommand = "New-ManagementScope" };

        var steps = ScopeRunner.Run(Plan, exchange, _ => true).ToList();

        Assert.Equal([MailboxScopeStepStatus.Ran, MailboxScopeStepStatus.Failed, MailboxScopeStepStatus.NotRun], steps.Select(s => s.Status));
        Assert.Contains("already exists", steps[1].Error);
        Assert.Single(exchange.Invoked);
    }
}
