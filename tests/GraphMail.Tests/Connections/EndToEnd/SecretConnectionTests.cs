using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

public sealed class SecretConnectionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public SecretConnectionTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task ASecureStringSecretConnectsAndGetsATokenAtOnce()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        var info = connection.Info;
        Assert.Equal(Guid.Parse(SandboxDefaults.TenantId), info.TenantId);
        Assert.Equal(SandboxDefaults.TenantDomain, info.TenantDomain);
        Assert.Equal(SandboxDefaults.SenderAppId, info.ClientId);
        Assert.Equal(CredentialKind.ClientSecret, info.CredentialKind);
        Assert.Null(info.CertificateThumbprint);
        Assert.True(info.IsSandbox);
        Assert.Equal(_sandbox.Server.AuthorityBaseUri.Authority, info.AuthorityHost);
        Assert.Equal(_sandbox.Server.GraphBaseUri, info.GraphEndpoint);
        Assert.Equal(["Mail.Send"], info.Roles);
        Assert.True(info.TokenExpiresOn > DateTimeOffset.UtcNow);
        var token = Assert.Single(SandboxConnections.TokenRequests(_sandbox));
        Assert.Equal(200, token.Status);
        Assert.Equal(SandboxDefaults.SenderAppId, token.AppId);
        Assert.Equal("/contoso.com/oauth2/v2.0/token", token.Path);
    }

    [Fact]
    public async Task TheTokenDetailsComeFromTheToken()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        var details = await connection.AcquireTokenAsync(forceRefresh: false, TestTimeout.Token);

        Assert.Equal(SandboxDefaults.TenantId, details.TenantId);
        Assert.Equal(SandboxDefaults.SenderAppId, details.AppId);
        Assert.Equal("app", details.IdentityType);
        Assert.Equal(["Mail.Send"], details.Roles);
        Assert.Single(SandboxConnections.TokenRequests(_sandbox));
    }

    [Fact]
    public async Task RawGraphCallsCarryTheTokenAndSend()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        using var response = await connection.GraphHttp.PostAsync(
            $"users/{SandboxDefaults.Noreply}/sendMail",
            new StringContent(SandboxGraphRequests.SendMailBody(subject: "raw"), Encoding.UTF8, "application/json"),
            TestTimeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await _sandbox.Control.WaitForMessageAsync(m => m.Subject == "raw", TestTimeout.Token);
        Assert.Equal(SandboxDefaults.SenderAppId, message.AppId);
    }

    [Fact]
    public async Task TheGraphSdkClientSendsThroughTheConnection()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        await connection.Graph.Users[SandboxDefaults.Noreply].SendMail.PostAsync(SdkMessages.Body("through the SDK"), cancellationToken: TestTimeout.Token);

        var message = await _sandbox.Control.WaitForMessageAsync(m => m.Subject == "through the SDK", TestTimeout.Token);
        Assert.Equal(SandboxDefaults.SenderAppId, message.AppId);
    }

    [Fact]
    public async Task TheAnonymousClientNeverCarriesTheToken()
    {
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Secret(_sandbox));

        using var response = await connection.Anonymous.PostAsync(
            new Uri(connection.GraphBaseUri + "/users/" + SandboxDefaults.Noreply + "/sendMail"),
            new StringContent(SandboxGraphRequests.SendMailBody(), Encoding.UTF8, "application/json"),
            TestTimeout.Token);

        var message = await SandboxGraphRequests.AssertGraphErrorAsync(response, 401, "InvalidAuthenticationToken");
        Assert.Contains("empty", message);
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task DefaultFromIsKept()
    {
        var request = SandboxConnections.Secret(_sandbox);
        request.DefaultFrom = SandboxDefaults.Noreply;

        using var connection = await SandboxConnections.ConnectAsync(request);

        Assert.Equal(SandboxDefaults.Noreply, connection.Info.DefaultFrom);
    }
}
