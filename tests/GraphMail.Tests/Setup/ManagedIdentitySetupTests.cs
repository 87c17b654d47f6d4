using System.Linq;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Setup;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Seed;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Setup.SetupRuns;

namespace GraphMail.Tests.Setup;

/// <summary>
/// Test-GraphMailSetup for a runbook's managed identity (IMDS style: MSAL reads no variable): no tenant to look up,
/// the identity's own client ID and tenant in the summary, and the managed-identity consent command when it has no role.
/// </summary>
[Collection(ManagedIdentityCollection.Name)]
public sealed class ManagedIdentitySetupTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ManagedIdentitySetupTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Theory]
    [InlineData(null, SandboxDefaults.SystemAssignedClientId)]
    [InlineData(SandboxDefaults.UserAssignedClientId, SandboxDefaults.UserAssignedClientId)]
    public async Task AScopedManagedIdentityPassesEveryLayerAndTheSummaryNamesItsTenantAndClientId(string? userAssigned, string clientId)
    {
        using var cleared = ManagedIdentityVariables.Cleared();

        var report = await RunAsync(ForManagedIdentity(_sandbox.Server, userAssigned));

        Assert.Equal(SetupCheckStatus.Skipped, report.StatusOf(SetupCheck.Tenant));
        Assert.Contains("managed identity's token names its tenant", report.Check(SetupCheck.Tenant).Detail);
        Assert.Contains("managed identity", report.Check(SetupCheck.Credential).Detail);
        Assert.All(new[] { SetupCheck.Credential, SetupCheck.Permissions, SetupCheck.SenderMailbox, SetupCheck.SenderAccess, SetupCheck.Scoping },
            check => Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(check)));
        Assert.Equal("ErrorAccessDenied", report.Check(SetupCheck.Scoping).ServiceCode);
        var summary = report.Summary;
        Assert.Equal((SandboxDefaults.TenantId, clientId, SandboxDefaults.Noreply), (summary.TenantId, summary.ClientId, summary.Mailbox));
        Assert.True(summary.Ready);
        Assert.Empty(Messages(_sandbox.Server));
    }

    [Fact]
    public async Task AUserAssignedIdentityTheResourceDoesNotHaveFailsTheCredentialLayer()
    {
        using var cleared = ManagedIdentityVariables.Cleared();

        var report = await RunAsync(ForManagedIdentity(_sandbox.Server, "11111111-1111-1111-1111-111111111111"));

        var credential = report.Check(SetupCheck.Credential);
        Assert.Contains("user-assigned managed identity 11111111-1111-1111-1111-111111111111", credential.Detail);
        Assert.Contains("-ManagedIdentityClientId", credential.Remedy);
        SetupLayerTests.AssertSkippedAfter(report, SetupCheck.Credential);
        Assert.Empty(SendMailRequests(_sandbox.Server));
    }

    [Fact]
    public async Task AManagedIdentityWithoutMailSendGetsTheRoleAssignmentCommandForItsOwnClientId()
    {
        using var cleared = ManagedIdentityVariables.Cleared();
        var seed = SeedLoader.LoadDefault();
        seed = seed with { ManagedIdentities = seed.ManagedIdentities.Select(m => m with { GrantedRoles = [] }).ToList() };
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Seed = seed });

        var report = await RunAsync(ForManagedIdentity(sandbox, userAssigned: null));

        var permissions = report.Check(SetupCheck.Permissions);
        Assert.Contains("no application permissions", permissions.Detail);
        Assert.StartsWith($"Get-GraphMailConsentUrl -ManagedIdentity {SandboxDefaults.SystemAssignedClientId}, then run the commands it writes", permissions.Remedy);
        SetupLayerTests.AssertSkippedAfter(report, SetupCheck.Permissions);
        Assert.Empty(Messages(sandbox));
    }

    private static SetupRequest ForManagedIdentity(SandboxServer sandbox, string? userAssigned) => new()
    {
        Credentials = new ConnectionRequest
        {
            Credential = new ManagedIdentityCredential(userAssigned),
            Sandbox = SandboxEndpoint.Parse(sandbox.ReadyLine),
        },
        Mailbox = SandboxDefaults.Noreply,
        OutOfScopeMailbox = SandboxDefaults.Ceo,
    };
}
