using System;
using System.Threading.Tasks;
using GraphMail.Engine.Setup;
using GraphMail.Engine.Setup.Exchange;
using GraphMail.Sandbox;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Setup.SetupRuns;

namespace GraphMail.Tests.Setup;

/// <summary>
/// "Still propagating", on the sandbox's clock: the seed's Fresh Policy app has a RestrictAccess policy that Graph
/// ignores for 3600 s after start. Each test has its own sandbox, so moving its clock disturbs no other test.
/// </summary>
public sealed class PropagationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);
    private SandboxServer? _server;

    private SandboxServer Server => _server!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { Clock = _clock });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task AFreshPolicyIsReportedAsPropagatingWithTheTimeToRetryThenPassesAnHourLater()
    {
        var changedAt = Start.AddMinutes(-5);

        var fresh = await RunFreshPolicyAsync(changedAt);

        var scoping = fresh.Check(SetupCheck.Scoping);
        Assert.Equal(SetupCheckStatus.Warning, scoping.Status);
        Assert.Equal(changedAt.AddHours(1), scoping.RetryAfter);
        Assert.Contains("may still be propagating", scoping.Detail);
        Assert.Contains("You changed the scoping at 08:55 (UTC+00:00)", scoping.Detail);
        Assert.Contains("retry after 09:55 (UTC+00:00)", scoping.Detail);
        Assert.Equal("Run Test-GraphMailSetup again after 09:55 (UTC+00:00).", scoping.Remedy);
        Assert.Equal(SetupCheckStatus.Passed, fresh.StatusOf(SetupCheck.LargeAttachments));
        Assert.False(fresh.Summary.Ready);
        Assert.Equal(changedAt.AddHours(1), fresh.Summary.RetryAfter);

        _clock.Advance(TimeSpan.FromSeconds(3601));
        var later = await RunFreshPolicyAsync(changedAt);

        Assert.Equal(SetupCheckStatus.Passed, later.StatusOf(SetupCheck.Scoping));
        Assert.True(later.Summary.Ready);
    }

    [Fact]
    public async Task WithoutAChangeTimeAnAcceptedOutOfScopeMailboxIsAFailure()
    {
        var report = await RunFreshPolicyAsync(changedAt: null);

        Assert.Equal(SetupCheckStatus.Failed, report.StatusOf(SetupCheck.Scoping));
        Assert.Null(report.Check(SetupCheck.Scoping).RetryAfter);
    }

    [Fact]
    public async Task AChangeOlderThanTwoHoursIsNoExcuse()
    {
        var report = await RunFreshPolicyAsync(Start.AddHours(-2).AddMinutes(-1));

        Assert.Equal(SetupCheckStatus.Failed, report.StatusOf(SetupCheck.Scoping));
    }

    [Fact]
    public async Task ExchangeDenyingWhatGraphStillAcceptsIsInferredAsPropagatingWithoutAChangeTime()
    {
        var request = Request(Server, SandboxDefaults.FreshPolicyAppId, SandboxDefaults.FreshPolicySecret);
        request.Exchange = FakeExchange.View(
            new MailboxExchangeView(SandboxDefaults.Noreply, AccessCheckResult.Granted, null),
            new MailboxExchangeView(SandboxDefaults.Ceo, AccessCheckResult.Denied, null));

        var report = await RunAsync(request, Options(_clock.GetUtcNow));

        var scoping = report.Check(SetupCheck.Scoping);
        Assert.Equal(SetupCheckStatus.Warning, scoping.Status);
        Assert.Equal(Start.AddHours(1), scoping.RetryAfter);
        Assert.Contains("although Exchange already denies it", scoping.Detail);
        Assert.Contains("Test-ApplicationAccessPolicy says Denied", scoping.Detail);
    }

    [Fact]
    public async Task ADesignatedMailboxRefusedRightAfterAChangeIsPossiblyStillPropagating()
    {
        var request = Request(Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin);
        request.PolicyChangedAt = Start.AddMinutes(-50);
        request.TestRecipient = "helpdesk@example.com";

        var report = await RunAsync(request, Options(_clock.GetUtcNow));

        var access = report.Check(SetupCheck.SenderAccess);
        Assert.Equal(SetupCheckStatus.Warning, access.Status);
        Assert.Equal(Start.AddMinutes(10), access.RetryAfter);
        Assert.Contains("it may still be propagating", access.Detail);
        Assert.Equal(SetupCheckStatus.Skipped, report.StatusOf(SetupCheck.VerificationSend));
        Assert.Contains("(see SenderAccess)", report.Check(SetupCheck.VerificationSend).Detail);
        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Scoping));
        Assert.Empty(Messages(Server));
        Assert.False(report.Summary.Ready);
    }

    [Fact]
    public async Task PastTheTypicalHourTheRetryIsAQuarterOfAnHourAway()
    {
        var request = Request(Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin);
        request.PolicyChangedAt = Start.AddMinutes(-90);

        var report = await RunAsync(request, Options(_clock.GetUtcNow));

        Assert.Equal(Start.AddMinutes(15), report.Check(SetupCheck.SenderAccess).RetryAfter);
    }

    [Fact]
    public async Task APolicyChangeInTheFutureIsRefusedBeforeAnyRequest()
    {
        var request = Request(Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.PolicyChangedAt = Start.AddHours(1);

        var error = await Assert.ThrowsAsync<GraphMailException>(() => RunAsync(request, Options(_clock.GetUtcNow)));

        Assert.Equal(ErrorIds.InvalidPolicyChangedAt, error.ErrorId);
        Assert.Empty(Server.Control.GetRequests());
    }

    private Task<SetupReport> RunFreshPolicyAsync(DateTimeOffset? changedAt)
    {
        var request = Request(Server, SandboxDefaults.FreshPolicyAppId, SandboxDefaults.FreshPolicySecret);
        request.PolicyChangedAt = changedAt;
        return RunAsync(request, Options(_clock.GetUtcNow));
    }
}
