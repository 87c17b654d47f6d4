using System.Linq;
using System.Threading.Tasks;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Setup.SetupRuns;

namespace GraphMail.Tests.Setup;

/// <summary>Test-GraphMailSetup end to end against GraphMail.Sandbox: one seeded failure per layer, each named by the right check.</summary>
public sealed class SetupLayerTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public SetupLayerTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task CorrectScopingPassesEveryLayerAndSummarisesWhatTheVendorAsksFor()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret));

        Assert.Equal(
            [SetupCheck.Tenant, SetupCheck.Registration, SetupCheck.Credential, SetupCheck.Permissions, SetupCheck.SenderMailbox, SetupCheck.SenderAccess, SetupCheck.VerificationSend, SetupCheck.Scoping, SetupCheck.LargeAttachments, SetupCheck.ExactlyOnce, SetupCheck.SendingLimits],
            report.Checks.Select(c => c.Check));
        Assert.All(report.Checks.Where(c => c.Check is not (SetupCheck.VerificationSend or SetupCheck.Registration)), c => Assert.Equal(SetupCheckStatus.Passed, c.Status));
        Assert.Contains("Opt-in", report.Check(SetupCheck.VerificationSend).Detail);
        Assert.Equal(SetupCheckStatus.Skipped, report.Check(SetupCheck.Registration).Status);
        Assert.StartsWith("Optional: Connect-GraphMailAdmin", report.Check(SetupCheck.Registration).Detail);
        Assert.Contains("'contoso.com' is tenant " + SandboxDefaults.TenantId, report.Check(SetupCheck.Tenant).Detail);
        Assert.Contains("[RAOP]", report.Check(SetupCheck.Scoping).Detail);
        Assert.Equal("ErrorAccessDenied", report.Check(SetupCheck.Scoping).ServiceCode);
        Assert.NotNull(report.Check(SetupCheck.Scoping).RequestId);
        Assert.Equal("ErrorInvalidRecipients", report.Check(SetupCheck.SenderAccess).ServiceCode);
        var summary = report.Summary;
        Assert.True(summary.Ready);
        Assert.Equal(("contoso.com", SandboxDefaults.TenantId, SandboxDefaults.SenderAppId, SandboxDefaults.Noreply, "GraphMail.Sandbox"),
            (summary.TenantDomain, summary.TenantId, summary.ClientId, summary.Mailbox, summary.Cloud));
        Assert.Equal((9, 0, 0, 2), (summary.Passed, summary.Failed, summary.Warnings, summary.Skipped));
    }

    [Fact]
    public async Task AnUnknownTenantFailsTheFirstLayerAndSkipsTheRest()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.Credentials!.TenantId = "nosuch.example";

        var report = await RunAsync(request);

        var tenant = report.Check(SetupCheck.Tenant);
        Assert.Equal(SetupCheckStatus.Failed, tenant.Status);
        Assert.Contains("'nosuch.example' was not found", tenant.Detail);
        Assert.Equal("AADSTS90002", tenant.ServiceCode);
        AssertSkippedAfter(report, SetupCheck.Tenant);
        Assert.Empty(SendMailRequests(_sandbox.Server));
        Assert.False(report.Summary.Ready);
    }

    [Theory]
    [InlineData("not-the-secret", "AADSTS7000215", "Value")]
    [InlineData(SandboxDefaults.ExpiredSecret, "AADSTS7000222", "new client secret")]
    public async Task ARefusedCredentialIsNamedWithTheConnectionEnginesCauseAndFix(string secret, string code, string fixWords)
    {
        var appId = secret == SandboxDefaults.ExpiredSecret ? SandboxDefaults.ExpiredAppId : SandboxDefaults.SenderAppId;

        var report = await RunAsync(Request(_sandbox.Server, appId, secret));

        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Tenant));
        var credential = report.Check(SetupCheck.Credential);
        Assert.Equal(SetupCheckStatus.Failed, credential.Status);
        Assert.Equal(code, credential.ServiceCode);
        Assert.Contains(fixWords, credential.Remedy);
        Assert.DoesNotContain(secret, credential.ToString());
        AssertSkippedAfter(report, SetupCheck.Credential);
    }

    [Fact]
    public async Task AnAppWithoutConsentGetsTheExactConsentCommand()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.UnconsentedAppId, SandboxDefaults.UnconsentedSecret));

        var permissions = report.Check(SetupCheck.Permissions);
        Assert.Equal(SetupCheckStatus.Failed, permissions.Status);
        Assert.Contains("no application permissions", permissions.Detail);
        Assert.Contains("HTTP 401 NoPermissionsInAccessToken", permissions.Detail);
        Assert.StartsWith($"Get-GraphMailConsentUrl -ClientId {SandboxDefaults.UnconsentedAppId} -Tenant contoso.com,", permissions.Remedy);
        AssertSkippedAfter(report, SetupCheck.Permissions);
    }

    [Theory]
    [InlineData(SandboxDefaults.UnlicensedUser, "MailboxNotEnabledForRESTAPI", "unlicensed")]
    [InlineData(SandboxDefaults.OnPremisesMailbox, "MailboxNotEnabledForRESTAPI", "on-premises")]
    [InlineData(SandboxDefaults.DistributionList, "ErrorInvalidUser", "not a mailbox")]
    [InlineData("nobody@contoso.com", "ErrorInvalidUser", "not a mailbox")]
    public async Task AMailboxGraphCannotSendFromFailsTheMailboxLayer(string mailbox, string code, string words)
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, mailbox));

        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Permissions));
        var check = report.Check(SetupCheck.SenderMailbox);
        Assert.Equal(SetupCheckStatus.Failed, check.Status);
        Assert.Equal(code, check.ServiceCode);
        Assert.Contains(words, check.Detail);
        Assert.NotEmpty(check.Remedy);
        AssertSkippedAfter(report, SetupCheck.SenderMailbox);
    }

    [Fact]
    public async Task AnUnscopedAppFailsTheScopingLayerWithTheScopeCommandForItsOwnServicePrincipal()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret));

        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.SenderAccess));
        var scoping = report.Check(SetupCheck.Scoping);
        Assert.Equal(SetupCheckStatus.Failed, scoping.Status);
        Assert.Contains("this app can send as any mailbox", scoping.Detail);
        Assert.StartsWith(
            $"New-GraphMailMailboxScope -ClientId {SandboxDefaults.UnscopedAppId} -Mailbox noreply@contoso.com -ServicePrincipalObjectId d3a5ce7c-5e2a-4fad-9f40-8b9daebf2031",
            scoping.Remedy);
        Assert.Contains("Entra ID", scoping.Remedy);
        Assert.Null(scoping.RetryAfter);
        Assert.False(report.Summary.Ready);
    }

    [Fact]
    public async Task ADesignatedMailboxOutsideTheScopeFailsSenderAccess()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin));

        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.SenderMailbox));
        var access = report.Check(SetupCheck.SenderAccess);
        Assert.Equal(SetupCheckStatus.Failed, access.Status);
        Assert.Equal("ErrorAccessDenied", access.ServiceCode);
        Assert.Contains("[RAOP]", access.Detail);
        Assert.Contains("-PolicyChangedAt", access.Detail);
        Assert.Contains("New-GraphMailMailboxScope", access.Remedy);
        AssertSkippedAfter(report, SetupCheck.SenderAccess);
    }

    [Fact]
    public async Task AnRbacScopedAppPassesWithoutEntraPermissions()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret));

        var permissions = report.Check(SetupCheck.Permissions);
        Assert.Equal(SetupCheckStatus.Passed, permissions.Status);
        Assert.Contains("Exchange RBAC for Applications grants Mail.Send", permissions.Detail);
        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.SenderAccess));
        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Scoping));
        Assert.StartsWith("Not available", report.Check(SetupCheck.LargeAttachments).Detail);
        Assert.True(report.Summary.Ready);
    }

    [Fact]
    public async Task TheRbacScopeRefusesAMailboxTheLegacyPolicyWouldAllow()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret, SandboxDefaults.Reports, outOfScope: null));

        Assert.Equal(SetupCheckStatus.Failed, report.StatusOf(SetupCheck.SenderAccess));
    }

    [Fact]
    public async Task LargeAttachmentCapabilityIsInformationAndMailReadWriteIsFlaggedAsMoreThanSendingNeeds()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret));

        var permissions = report.Check(SetupCheck.Permissions);
        Assert.Equal(SetupCheckStatus.Warning, permissions.Status);
        Assert.Contains("only needed for attachments over about 3 MB", permissions.Detail);
        Assert.Contains("remove Mail.ReadWrite", permissions.Remedy);
        var large = report.Check(SetupCheck.LargeAttachments);
        Assert.Equal(SetupCheckStatus.Passed, large.Status);
        Assert.StartsWith("Available: the token carries Mail.ReadWrite", large.Detail);
        Assert.StartsWith("Available: the token carries Mail.ReadWrite", report.Check(SetupCheck.ExactlyOnce).Detail);
        Assert.True(report.Summary.Ready);
    }

    [Fact]
    public async Task ExactlyOnceIsReportedUnavailableWithoutMailReadWrite()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret));

        var exactlyOnce = report.Check(SetupCheck.ExactlyOnce);
        Assert.Equal(SetupCheckStatus.Passed, exactlyOnce.Status);
        Assert.StartsWith("Not available: -Delivery ExactlyOnce needs Mail.ReadWrite", exactlyOnce.Detail);
        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.SendingLimits));
        Assert.Contains("10,000 recipients a day", report.Check(SetupCheck.SendingLimits).Detail);
    }

    [Fact]
    public void AnOnMicrosoftSenderIsWarnedOfTheHundredExternalRecipientsADayCap()
    {
        var limits = GraphMail.Engine.Setup.Checks.DeliveryChecks.SendingLimits("noreply@contoso.onmicrosoft.com");

        Assert.Equal(SetupCheckStatus.Warning, limits.Status);
        Assert.Contains("100 external recipients a day", limits.Detail);
        Assert.Contains("custom domain", limits.Remedy);
        Assert.Equal(SetupCheckStatus.Passed, GraphMail.Engine.Setup.Checks.DeliveryChecks.SendingLimits("noreply@contoso.com").Status);
    }

    [Fact]
    public async Task WithoutMailboxesOnlyTheIdentityLayersAreTested()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, mailbox: null, outOfScope: null));

        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Permissions));
        Assert.All(new[] { SetupCheck.SenderMailbox, SetupCheck.SenderAccess, SetupCheck.VerificationSend, SetupCheck.Scoping },
            check => Assert.Equal(SetupCheckStatus.Skipped, report.StatusOf(check)));
        Assert.Contains("-Mailbox", report.Check(SetupCheck.SenderMailbox).Detail);
        Assert.Contains("-OutOfScopeMailbox", report.Check(SetupCheck.Scoping).Detail);
        Assert.Empty(SendMailRequests(_sandbox.Server));
        Assert.False(report.Summary.Ready);
    }

    [Fact]
    public async Task AnOutOfScopeMailboxThatIsNoMailboxCannotTestScoping()
    {
        var report = await RunAsync(Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, outOfScope: SandboxDefaults.UnlicensedUser));

        var scoping = report.Check(SetupCheck.Scoping);
        Assert.Equal(SetupCheckStatus.Warning, scoping.Status);
        Assert.StartsWith("Not tested", scoping.Detail);
    }

    /// <summary>Every check after <paramref name="failed"/> is skipped, and says which check stopped it.</summary>
    internal static void AssertSkippedAfter(GraphMail.Engine.Setup.SetupReport report, SetupCheck failed)
    {
        Assert.Equal(SetupCheckStatus.Failed, report.StatusOf(failed));
        Assert.All(report.Checks.Where(c => c.Check > failed), c =>
        {
            Assert.Equal(SetupCheckStatus.Skipped, c.Status);
            Assert.Equal($"Not checked: the {failed} check failed, and this layer depends on it.", c.Detail);
        });
        Assert.All(report.Checks.Where(c => c.Check < failed), c => Assert.NotEqual(SetupCheckStatus.Failed, c.Status));
        Assert.Equal(1, report.Summary.Failed);
    }
}
