using System.Linq;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Setup;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Setup.SetupRuns;

namespace GraphMail.Tests.Setup;

/// <summary>Testing the runspace's connection as it is, never replacing it, and the inputs refused before any request.</summary>
public sealed class CurrentConnectionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public CurrentConnectionTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task WithoutCredentialsTheCurrentConnectionIsTestedAndItsDefaultSenderIsTheMailbox()
    {
        using var connection = await ConnectAsync(SandboxDefaults.Noreply);

        var report = await RunAsync(new SetupRequest { Connection = connection, OutOfScopeMailbox = SandboxDefaults.Ceo });

        Assert.StartsWith("The current connection (Connect-GraphMail) signed in to tenant contoso.com = " + SandboxDefaults.TenantId, report.Check(SetupCheck.Tenant).Detail);
        Assert.StartsWith("The current connection (Connect-GraphMail) holds a token", report.Check(SetupCheck.Credential).Detail);
        Assert.True(report.Summary.Ready);
        Assert.Equal(SandboxDefaults.Noreply, report.Summary.Mailbox);
        Assert.Equal("contoso.com", report.Summary.TenantDomain);
        Assert.Empty(SandboxConnections.Logged(_sandbox, "openid"));
        await connection.AcquireTokenAsync(forceRefresh: true, TestTimeout.Token);
    }

    [Fact]
    public async Task NoResultOrSummaryCarriesTheSecretOrTheToken()
    {
        using var connection = await ConnectAsync(SandboxDefaults.Noreply);
        var token = await SandboxConnections.TokenTextAsync(connection);
        var withCredentials = Request(_sandbox.Server, SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        withCredentials.TestRecipient = "helpdesk@example.com";

        var reports = new[] { await RunAsync(new SetupRequest { Connection = connection, OutOfScopeMailbox = SandboxDefaults.Ceo }), await RunAsync(withCredentials) };

        var text = string.Join("\n", reports.SelectMany(r => r.Checks.Select(c => c + " " + c.RequestId + " " + c.ServiceCode)).Concat(reports.Select(r => r.Summary.ToString())));
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(token.Split('.')[1], text);
        Assert.DoesNotContain(SandboxDefaults.SenderSecret, text);
        Assert.DoesNotContain(SandboxDefaults.UnscopedSecret, text);
    }

    [Fact]
    public async Task AConnectionWhoseTokensWereRevokedRenewsItsTokenOnceAndCarriesOn()
    {
        using var connection = await ConnectAsync(SandboxDefaults.Noreply);
        _sandbox.Control.ExpireAllTokens();

        var report = await RunAsync(new SetupRequest { Connection = connection });

        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.Permissions));
        Assert.Equal(SetupCheckStatus.Passed, report.StatusOf(SetupCheck.SenderMailbox));
        Assert.Contains(SendMailRequests(_sandbox.Server), r => r.Status == 401);
    }

    [Fact]
    public async Task NothingToTestIsAnError()
    {
        var error = await Assert.ThrowsAsync<GraphMailException>(() => RunAsync(new SetupRequest { Mailbox = SandboxDefaults.Noreply }));

        Assert.Equal(ErrorIds.NotConnected, error.ErrorId);
    }

    [Fact]
    public async Task TheOutOfScopeMailboxCannotBeTheDesignatedOne()
    {
        using var connection = await ConnectAsync("NoReply@contoso.com");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => RunAsync(new SetupRequest { Connection = connection, OutOfScopeMailbox = SandboxDefaults.Noreply }));

        Assert.Equal(ErrorIds.SetupInputConflict, error.ErrorId);
        Assert.Empty(SendMailRequests(_sandbox.Server));
    }

    [Theory]
    [InlineData("Mailbox")]
    [InlineData("OutOfScopeMailbox")]
    [InlineData("TestRecipient")]
    public async Task AnAddressThatIsNoAddressIsRefusedByName(string parameter)
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        typeof(SetupRequest).GetProperty(parameter)!.SetValue(request, "not an address");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => RunAsync(request));

        Assert.Equal(ErrorIds.InvalidEmailAddress, error.ErrorId);
        Assert.Contains(parameter, error.Message);
        Assert.Empty(_sandbox.Control.GetRequests());
    }

    private Task<GraphMailConnection> ConnectAsync(string defaultFrom)
    {
        var request = SandboxConnections.Secret(_sandbox);
        request.DefaultFrom = defaultFrom;
        return Connector.ConnectAsync(request, TestTimeout.Token);
    }
}
