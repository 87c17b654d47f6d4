using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Engine.Applications;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Admin;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Applications;

/// <summary>The wait for Entra ID to accept a new credential: bounded, backing off, and only for "not replicated yet".</summary>
public sealed class CredentialWaitTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public CredentialWaitTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task It_backs_off_1_2_4_8_seconds_and_gives_up_with_the_last_answer_once_the_bound_would_pass()
    {
        var now = DateTimeOffset.UnixEpoch;
        var pauses = new List<TimeSpan>();
        var statuses = new List<string>();

        // The sender app has no service principal in Fabrikam: AADSTS700016, as a new app gets until it replicates.
        var failure = await Assert.ThrowsAsync<GraphMailException>(() => CredentialWait.UntilAcceptedAsync(
            SignIn(SandboxDefaults.OtherTenantDomain), TimeSpan.FromSeconds(20), statuses.Add,
            (pause, _) =>
            {
                pauses.Add(pause);
                now += pause;
                return Task.CompletedTask;
            },
            () => now, TestTimeout.Token));

        Assert.Equal([1, 2, 4, 8], pauses.Select(p => p.TotalSeconds));
        Assert.Equal(ErrorIds.CredentialNotAccepted, failure.ErrorId);
        Assert.Equal("AADSTS700016", failure.ServiceCode);
        Assert.Equal(5, statuses.Count);
        Assert.StartsWith("Waiting for Entra ID to accept the new credential: sign-in attempt 5, 15 s of at most 20 s", statuses[^1]);
        Assert.Equal(5, _sandbox.Control.GetRequests().Count(r => r.Route == "token" && r.AppId == SandboxDefaults.SenderAppId && r.Status == 400));
    }

    [Fact]
    public async Task A_wrong_tenant_or_any_other_failure_is_not_waited_for()
    {
        var failure = await Assert.ThrowsAsync<GraphMailException>(() => CredentialWait.UntilAcceptedAsync(
            SignIn("unknown.example"), TimeSpan.FromMinutes(5), _ => { }, (_, _) => throw new InvalidOperationException("no pause expected"),
            () => DateTimeOffset.UnixEpoch, TestTimeout.Token));

        Assert.Equal(ErrorIds.TenantNotFound, failure.ErrorId);
    }

    [Fact]
    public void The_admin_scopes_name_each_clouds_own_Graph()
    {
        Assert.Equal(
            ["https://graph.microsoft.us/Application.ReadWrite.All", "https://graph.microsoft.us/AppRoleAssignment.ReadWrite.All"],
            AdminScopes.For(CloudEnvironments.Get(GraphMailEnvironment.USGov)));
        Assert.All(CloudEnvironments.All, cloud => Assert.All(AdminScopes.For(cloud), scope => Assert.StartsWith(cloud.GraphResource + "/", scope)));
    }

    private ConnectionRequest SignIn(string tenant) => new()
    {
        TenantId = tenant,
        ClientId = SandboxDefaults.SenderAppId,
        Credential = new ClientSecretCredential(Secure(SandboxDefaults.SenderSecret)),
        Sandbox = SandboxEndpoint.Parse(_sandbox.Server.ReadyLine),
    };

    private static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}
