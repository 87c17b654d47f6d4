using System;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Engine.Setup.Exchange;
using GraphMail.Exchange;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Setup.SetupRuns;

namespace GraphMail.Tests.Setup;

/// <summary>Exchange Online's view, gathered through a fake adapter and folded into the checks Graph's answers drive.</summary>
public sealed class ExchangeViewTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ExchangeViewTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void TheReaderAsksBothTestsForTheDesignatedAndTheOutOfScopeMailbox()
    {
        var exchange = new FakeExchange();
        exchange.Policies[SandboxDefaults.Ceo] = AccessCheckResult.Denied;
        exchange.Roles[SandboxDefaults.Noreply] = [new(ServicePrincipalRole.MailSend, RoleInScope.True)];
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, "No Reply <NOREPLY@contoso.com>");

        var view = ExchangeViewReader.Read(exchange, request);

        Assert.True(view.IsConnected);
        Assert.Equal(4, exchange.Asked.Count);
        Assert.All(exchange.Asked, a => Assert.Equal(SandboxDefaults.SenderAppId, a.AppId));
        Assert.Equal(AccessCheckResult.Denied, view.For(SandboxDefaults.Ceo)!.AccessPolicy);
        Assert.Equal(RoleInScope.True, Assert.Single(view.For(SandboxDefaults.Noreply)!.Roles).InScope);
    }

    [Fact]
    public void NotConnectedMeansNothingIsAsked()
    {
        var exchange = new FakeExchange { NotConnectedReason = "ExchangeOnlineManagement is not connected in this session (Connect-ExchangeOnline)" };

        var view = ExchangeViewReader.Read(exchange, Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret));

        Assert.False(view.IsConnected);
        Assert.Empty(exchange.Asked);
    }

    [Fact]
    public void AFailedTestIsKeptAsAProblemNotAnAnswer()
    {
        var exchange = new FakeExchange { ServicePrincipalError = "The operation couldn't be performed because object '51c27551' couldn't be found." };

        var view = ExchangeViewReader.Read(exchange, Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret));

        var noreply = view.For(SandboxDefaults.Noreply)!;
        Assert.Empty(noreply.Roles);
        Assert.Contains("couldn't be found", Assert.Single(noreply.Problems));
        Assert.Equal(AccessCheckResult.Granted, noreply.AccessPolicy);
    }

    [Fact]
    public async Task WithoutExchangeTheChecksSayWhyItsViewIsMissing()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.Exchange = ExchangeViewReader.Read(new FakeExchange { NotConnectedReason = "ExchangeOnlineManagement is not connected in this session (Connect-ExchangeOnline)" }, request);

        var report = await RunAsync(request);

        Assert.EndsWith("Exchange Online's view was not consulted: ExchangeOnlineManagement is not connected in this session (Connect-ExchangeOnline).",
            report.Check(SetupCheck.Scoping).Detail);
        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Scoping));
    }

    [Fact]
    public async Task ASessionOfAnotherTenantIsNotTakenAsThisTenantsView()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin);
        request.Exchange = ExchangeView.Connected(Guid.Parse("8ff4fa5b-3567-416c-abff-c037a09fea0b"), [new MailboxExchangeView(SandboxDefaults.Admin, AccessCheckResult.Granted, null)]);

        var report = await RunAsync(request);

        Assert.Equal(SetupCheckStatus.Failed, report.StatusOf(SetupCheck.SenderAccess));
        Assert.Contains("connected to tenant 8ff4fa5b-3567-416c-abff-c037a09fea0b, not " + SandboxDefaults.TenantId, report.Check(SetupCheck.SenderAccess).Detail);
    }

    [Fact]
    public async Task ExchangeGrantedWhileGraphSaysRaopIsStillPropagating()
    {
        var now = DateTimeOffset.UtcNow;
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin);
        request.Exchange = FakeExchange.View(new MailboxExchangeView(SandboxDefaults.Admin, AccessCheckResult.Granted, null));

        var report = await RunAsync(request, Options(() => now));

        var access = report.Check(SetupCheck.SenderAccess);
        Assert.Equal(SetupCheckStatus.Warning, access.Status);
        Assert.Contains("although Exchange already grants it", access.Detail);
        Assert.Contains("Test-ApplicationAccessPolicy says Granted", access.Detail);
        Assert.Equal(now.AddHours(1), access.RetryAfter);
        Assert.Equal("ErrorAccessDenied", access.ServiceCode);
        Assert.False(report.Summary.Ready);
    }

    [Fact]
    public async Task RbacInScopeWhileGraphSaysRaopIsStillPropagating()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret, SandboxDefaults.Reports, outOfScope: null);
        request.Exchange = FakeExchange.View(new MailboxExchangeView(SandboxDefaults.Reports, null, [new(ServicePrincipalRole.MailSend, RoleInScope.True)]));

        var report = await RunAsync(request);

        Assert.Equal(SetupCheckStatus.Warning, report.StatusOf(SetupCheck.SenderAccess));
        Assert.Contains("Application Mail.Send InScope True", report.Check(SetupCheck.SenderAccess).Detail);
    }

    [Fact]
    public async Task RbacOutOfScopeButGraphAcceptingMeansTheEntraGrantDefeatsTheScope()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        request.Exchange = FakeExchange.View(
            new MailboxExchangeView(SandboxDefaults.Noreply, AccessCheckResult.Granted, [new(ServicePrincipalRole.MailSend, RoleInScope.True)]),
            new MailboxExchangeView(SandboxDefaults.Ceo, AccessCheckResult.Granted, [new(ServicePrincipalRole.MailSend, RoleInScope.False)]));

        var report = await RunAsync(request);

        var scoping = report.Check(SetupCheck.Scoping);
        Assert.Equal(SetupCheckStatus.Failed, scoping.Status);
        Assert.Contains("Mail.Send consent in Entra ID is tenant-wide", scoping.Detail);
        Assert.StartsWith("Entra ID > Enterprise applications > the app > Permissions: revoke Microsoft Graph Mail.Send", scoping.Remedy);
        Assert.Null(scoping.RetryAfter);
    }

    [Fact]
    public async Task ExchangeDenyingTheDesignatedMailboxGraphStillAllowsWarnsThatSendingWillStop()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.Exchange = FakeExchange.View(new MailboxExchangeView(SandboxDefaults.Noreply, AccessCheckResult.Denied, null));

        var report = await RunAsync(request);

        var access = report.Check(SetupCheck.SenderAccess);
        Assert.Equal(SetupCheckStatus.Warning, access.Status);
        Assert.Contains("sending from noreply@contoso.com stops", access.Detail);
        Assert.NotNull(access.RetryAfter);
    }

    [Fact]
    public async Task ExchangeAgreeingWithGraphChangesNothing()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.Exchange = FakeExchange.View(
            new MailboxExchangeView(SandboxDefaults.Noreply, AccessCheckResult.Granted, null),
            new MailboxExchangeView(SandboxDefaults.Ceo, AccessCheckResult.Denied, null));

        var report = await RunAsync(request);

        Assert.True(report.Summary.Ready);
        Assert.Contains("Test-ApplicationAccessPolicy says Denied", report.Check(SetupCheck.Scoping).Detail);
    }

    [Fact]
    public async Task ExchangeRbacMailReadWriteMakesLargeAttachmentsAvailable()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret);
        request.Exchange = FakeExchange.View(new MailboxExchangeView(SandboxDefaults.Noreply, null,
            [new(ServicePrincipalRole.MailSend, RoleInScope.True), new(ServicePrincipalRole.MailReadWrite, RoleInScope.True)]));

        var report = await RunAsync(request);

        Assert.StartsWith("Available: Exchange RBAC for Applications grants Application Mail.ReadWrite", report.Check(SetupCheck.LargeAttachments).Detail);
    }

    [Theory]
    [InlineData("Granted", AccessCheckResult.Granted)]
    [InlineData(" denied ", AccessCheckResult.Denied)]
    [InlineData("0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void AccessCheckResultsAreReadByName(string? text, AccessCheckResult? expected) => Assert.Equal(expected, ExchangeAnswers.AccessCheck(text));

    [Theory]
    [InlineData("True", RoleInScope.True)]
    [InlineData("false", RoleInScope.False)]
    [InlineData("Not Run", RoleInScope.NotRun)]
    [InlineData(null, RoleInScope.NotRun)]
    public void InScopeIsReadAsExchangePrintsIt(string? text, RoleInScope expected) => Assert.Equal(expected, ExchangeAnswers.InScope(text));

    [Fact]
    public void InScopeMayArriveAsABoolean() => Assert.Equal([RoleInScope.True, RoleInScope.False], new object[] { true, false }.Select(ExchangeAnswers.InScope));
}
