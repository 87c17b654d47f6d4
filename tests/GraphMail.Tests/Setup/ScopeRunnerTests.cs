using System;
using System.Collections.Generic;
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
        Assert.Equal(["Get-ServicePrincipal", "Get-ManagementScope", "Get-ManagementRoleAssignment"], exchange.LookedUp.Select(l => l.Command.Name));
    }

    [Fact]
    public void ARunAfterAnEarlierOneSkipsWhatItMadeAndSetsTheScopeToTheNewMailboxes()
    {
        var exchange = new FakeExchange();
        exchange.Answers["Get-ServicePrincipal"] = [Answer()];
        exchange.Answers["Get-ManagementScope"] = [Answer()];
        exchange.Answers["Get-ManagementRoleAssignment"] = [Answer(("CustomResourceScope", $"graphmail {SandboxDefaults.SenderAppId}"))];

        var steps = ScopeRunner.Run(Plan, exchange, _ => true).ToList();

        Assert.Equal([MailboxScopeStepStatus.AlreadyDone, MailboxScopeStepStatus.Ran, MailboxScopeStepStatus.AlreadyDone], steps.Select(s => s.Status));
        var update = Assert.Single(exchange.Invoked);
        Assert.Equal("Set-ManagementScope", update.Name);
        Assert.Equal(update.ToText(), steps[1].Command);
        Assert.Equal(Plan.Commands[0].ToText(), steps[0].Command);
    }

    [Fact]
    public void AnAssignmentOfAnotherScopeIsNotMistakenForThisOne()
    {
        var exchange = new FakeExchange();
        exchange.Answers["Get-ManagementRoleAssignment"] = [Answer(("CustomResourceScope", "Some other scope"))];

        var steps = ScopeRunner.Run(Plan, exchange, _ => true).ToList();

        Assert.All(steps, s => Assert.Equal(MailboxScopeStepStatus.Ran, s.Status));
        Assert.Equal("New-ManagementRoleAssignment", exchange.Invoked[2].Name);
    }

    [Fact]
    public void ALegacyRunAddsOnlyTheMembersTheGroupLacks()
    {
        var plan = MailboxScopePlanner.Create(new MailboxScopeRequest
        {
            ClientId = SandboxDefaults.SenderAppId, Mailboxes = [SandboxDefaults.Noreply, SandboxDefaults.Reports], Legacy = true, GroupName = "GraphMail Senders",
        });
        var exchange = new FakeExchange();
        exchange.Answers["Get-DistributionGroup"] = [Answer()];
        exchange.Answers["Get-DistributionGroupMember"] = [Answer(("PrimarySmtpAddress", "NoReply@contoso.com")), Answer(("PrimarySmtpAddress", "admin@contoso.com"))];
        exchange.Answers["Get-ApplicationAccessPolicy"] = [Answer(("AppId", SandboxDefaults.SenderAppId), ("ScopeName", "GraphMail Senders"))];

        var steps = ScopeRunner.Run(plan, exchange, _ => true).ToList();

        Assert.Equal(
            [MailboxScopeStepStatus.AlreadyDone, MailboxScopeStepStatus.AlreadyDone, MailboxScopeStepStatus.Ran, MailboxScopeStepStatus.AlreadyDone],
            steps.Select(s => s.Status));
        Assert.Equal("Add-DistributionGroupMember -Identity 'GraphMail Senders' -Member 'reports@contoso.com'", Assert.Single(exchange.Invoked).ToText());
    }

    [Fact]
    public void TheAppsPolicyForAnotherGroupIsNotMistakenForThisOne()
    {
        var plan = MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = SandboxDefaults.SenderAppId, Mailboxes = [SandboxDefaults.Noreply], Legacy = true });
        var exchange = new FakeExchange();
        exchange.Answers["Get-ApplicationAccessPolicy"] = [Answer(("AppId", SandboxDefaults.SenderAppId), ("ScopeName", "Old senders")), Answer(("AppId", SandboxDefaults.UnscopedAppId), ("ScopeName", $"GraphMail senders {SandboxDefaults.SenderAppId}"))];

        var steps = ScopeRunner.Run(plan, exchange, _ => true).ToList();

        Assert.Equal(MailboxScopeStepStatus.Ran, steps[^1].Status);
        Assert.Equal("New-ApplicationAccessPolicy", exchange.Invoked[^1].Name);
    }

    [Fact]
    public void WhatIfOnAnExistingScopeShowsTheUpdateItWouldRun()
    {
        var exchange = new FakeExchange();
        exchange.Answers["Get-ManagementScope"] = [Answer()];
        var asked = new List<string>();

        var steps = ScopeRunner.Run(Plan, exchange, command => { asked.Add(command.Name); return false; }).ToList();

        Assert.Equal(["New-ServicePrincipal", "Set-ManagementScope", "New-ManagementRoleAssignment"], asked);
        Assert.StartsWith("Set-ManagementScope", steps[1].Command);
        Assert.Empty(exchange.Invoked);
    }

    [Fact]
    public void ALookupThatCannotRunFailsItsStep()
    {
        var exchange = new FakeExchange { FailingLookup = "Get-ManagementScope" };

        var steps = ScopeRunner.Run(Plan, exchange, _ => true).ToList();

        Assert.Equal([MailboxScopeStepStatus.Ran, MailboxScopeStepStatus.Failed, MailboxScopeStepStatus.NotRun], steps.Select(s => s.Status));
        Assert.Contains("Get-ManagementScope", steps[1].Error);
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

    private static Dictionary<string, string> Answer(params (string Property, string Value)[] properties) =>
        properties.ToDictionary(p => p.Property, p => p.Value, StringComparer.OrdinalIgnoreCase);
}
