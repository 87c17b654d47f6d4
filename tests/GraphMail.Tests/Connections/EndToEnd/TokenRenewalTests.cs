using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

/// <summary>Long runs: tokens expire or are revoked, and Graph calls still work. Asserted through the sandbox's request log.</summary>
public sealed class TokenRenewalTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public TokenRenewalTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task ARevokedTokenIsRenewedOnceAndTheSendGoesThrough()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));
        var firstToken = await SandboxConnections.TokenTextAsync(connection);
        _sandbox.Control.ExpireAllTokens();

        using var response = await SendRawAsync(connection, "after revocation");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, SandboxConnections.TokenRequests(_sandbox).Length);
        Assert.Equal([401, 202], SandboxConnections.Logged(_sandbox, RouteNames.SendMail).Select(r => r.Status));
        Assert.Single(_sandbox.Control.GetMessages());
        Assert.NotEqual(firstToken, await SandboxConnections.TokenTextAsync(connection));
    }

    [Fact]
    public async Task TheGraphSdkClientRenewsTooAndInfoFollowsTheNewToken()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));
        var firstExpiry = connection.Info.TokenExpiresOn;
        _sandbox.Control.ExpireAllTokens();

        await connection.Graph.Users[SandboxDefaults.Noreply].SendMail.PostAsync(SdkMessages.Body("sdk after revocation"), cancellationToken: TestTimeout.Token);

        await _sandbox.Control.WaitForMessageAsync(m => m.Subject == "sdk after revocation", TestTimeout.Token);
        Assert.Equal([401, 202], SandboxConnections.Logged(_sandbox, RouteNames.SendMail).Select(r => r.Status));
        Assert.Equal(2, SandboxConnections.TokenRequests(_sandbox).Length);
        Assert.True(connection.Info.TokenExpiresOn >= firstExpiry);
    }

    [Fact]
    public async Task AnExpiredTokenFaultIsRenewedTheSameWay()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.TokenExpired, Count = 1 });

        using var response = await SendRawAsync(connection, "after expiry");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, SandboxConnections.TokenRequests(_sandbox).Length);
    }

    [Fact]
    public async Task TokensNearExpiryAreRenewedBeforeGraphRefusesThem()
    {
        // MSAL renews a cached token within five minutes of its expiry; a two-minute lifetime is always near expiry.
        _sandbox.Control.UpdateSettings(s => s with { TokenLifetimeSeconds = 120 });
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        using (var first = await SendRawAsync(connection, "one"))
        using (var second = await SendRawAsync(connection, "two"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        Assert.Equal(3, SandboxConnections.TokenRequests(_sandbox).Length);
        Assert.All(SandboxConnections.Logged(_sandbox, RouteNames.SendMail), r => Assert.Equal(202, r.Status));
    }

    [Fact]
    public async Task TokensStillValidComeFromMsalsCache()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        using (await SendRawAsync(connection, "one"))
        using (await SendRawAsync(connection, "two"))
        {
        }

        Assert.Single(SandboxConnections.TokenRequests(_sandbox));
    }

    [Theory]
    [InlineData(FaultKind.Throttle, 429)]
    [InlineData(FaultKind.Unavailable, 503)]
    public async Task ABusyTokenServiceDuringARenewalIsWaitedOutForEveryRequestWaitingOnIt(FaultKind fault, int status)
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));
        _sandbox.Control.ExpireAllTokens();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Token, Kind = fault, Count = 1, RetryAfterSeconds = 1 });
        // These raw requests skip Send-GraphMail's 4-per-mailbox gate and all leave when the renewal ends: this test is
        // about the token, so the mailbox's own concurrency limit (429 MailboxConcurrency) must not be what answers.
        _sandbox.Control.UpdateSettings(s => s with { ConcurrentRequests = 20 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SendRawAsync(connection, $"busy {i}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal([200, status, 200], SandboxConnections.TokenRequests(_sandbox).Select(r => r.Status));
        Assert.Equal(20, _sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public async Task ATokenServiceThatStaysBusyFailsTheRequestWithItsOwnError()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));
        _sandbox.Control.ExpireAllTokens();
        // A short Retry-After: MSAL keeps such a refusal in a cache the whole process shares, for every connection of the app.
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Token, Kind = FaultKind.Throttle, Count = 100, RetryAfterSeconds = 1 });

        var refused = await Assert.ThrowsAsync<GraphMailException>(() => SendRawAsync(connection, "never"));

        Assert.Equal(429, refused.HttpStatus);
        Assert.InRange(SandboxConnections.TokenRequests(_sandbox).Count(r => r.Status == 429), 2, 6);
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Theory]
    [InlineData(FaultKind.Unavailable)]
    [InlineData(FaultKind.GatewayTimeoutAfterAccept)]
    [InlineData(FaultKind.Throttle)]
    public async Task TheGraphSdkRetriesNothing(FaultKind fault)
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = fault, Count = 1, RetryAfterSeconds = 0 });

        await Assert.ThrowsAnyAsync<System.Exception>(() =>
            connection.Graph.Users[SandboxDefaults.Noreply].SendMail.PostAsync(SdkMessages.Body("not twice"), cancellationToken: TestTimeout.Token));

        Assert.Single(SandboxConnections.Logged(_sandbox, RouteNames.SendMail));
        Assert.True(_sandbox.Control.GetMessages().Count <= 1);
    }

    private static Task<HttpResponseMessage> SendRawAsync(Engine.Connections.GraphMailConnection connection, string subject) =>
        connection.GraphHttp.PostAsync(
            $"users/{SandboxDefaults.Noreply}/sendMail",
            new StringContent(SandboxGraphRequests.SendMailBody(subject: subject), Encoding.UTF8, "application/json"),
            TestTimeout.Token);
}
