using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Sandbox;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

/// <summary>The sandbox driven into each Entra ID refusal; Connect fails with GraphMail's error for its AADSTS code.</summary>
public sealed class EntraErrorTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public EntraErrorTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public Task AnUnknownTenantIsTenantNotFound() =>
        AssertRefusedAsync(SandboxConnections.Secret(_sandbox, tenant: "nowhere.example.com"), 90002, 400, ErrorIds.TenantNotFound, "'nowhere.example.com' was not found");

    [Fact]
    public Task AnAppNotInTheTenantPointsAtTheConsentUrl() =>
        AssertRefusedAsync(SandboxConnections.Secret(_sandbox, tenant: SandboxDefaults.OtherTenantDomain), 700016, 400, ErrorIds.ApplicationNotFoundInTenant,
            "Get-GraphMailConsentUrl -TenantId fabrikam.com -ClientId " + SandboxDefaults.SenderAppId);

    [Fact]
    public Task TheSecretsIdPastedAsItsValueIsClientSecretInvalid() =>
        AssertRefusedAsync(SandboxConnections.Secret(_sandbox, secret: "7b03919a-1444-47d4-a9e9-2a27519a1ccc"), 7000215, 401, ErrorIds.ClientSecretInvalid, "Secret ID");

    [Fact]
    public Task AnExpiredSecretIsClientSecretExpired() =>
        AssertRefusedAsync(SandboxConnections.Secret(_sandbox, SandboxDefaults.ExpiredAppId, SandboxDefaults.ExpiredSecret), 7000222, 401, ErrorIds.ClientSecretExpired, "certificate");

    [Fact]
    public async Task ACertificateNotRegisteredOnTheAppIsCertificateNotRegistered()
    {
        using var certificates = new TestCertificates("CN=not registered");

        var error = await AssertRefusedAsync(SandboxConnections.Certificate(_sandbox, certificates.Certificate), 700027, 401, ErrorIds.CertificateNotRegistered, ".cer");

        Assert.Contains(certificates.Thumbprint, error.Cause);
    }

    [Fact]
    public Task ACertificateExpiredOnTheAppIsCertificateNotRegistered()
    {
        using var certificate = SandboxDefaults.LoadAppCertificate();
        return AssertRefusedAsync(SandboxConnections.Certificate(_sandbox, certificate, SandboxDefaults.ExpiredAppId), 700027, 401, ErrorIds.CertificateNotRegistered, "expired there");
    }

    [Fact]
    public Task AnotherCloudsGraphScopeIsInvalidScope()
    {
        var request = SandboxConnections.Secret(_sandbox);
        request.Environment = GraphMailEnvironment.China;
        return AssertRefusedAsync(request, 70011, 400, ErrorIds.InvalidScope, "-Environment");
    }

    [Fact]
    public async Task AWrongClockIsClientAssertionOutOfTime()
    {
        // The sandbox's clock an hour ahead of this machine's: MSAL's assertion looks an hour old.
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = new ManualClock(DateTimeOffset.UtcNow.AddHours(1)) });
        using var certificate = SandboxDefaults.LoadAppCertificate();
        var request = new ConnectionRequest
        {
            TenantId = SandboxDefaults.TenantDomain,
            ClientId = SandboxDefaults.SenderAppId,
            Credential = new CertificateCredential(certificate),
            Sandbox = SandboxEndpoint.Parse(server.ReadyLine),
        };

        var error = await SandboxConnections.FailAsync(request);

        Assert.Equal(ErrorIds.ClientAssertionOutOfTime, error.ErrorId);
        Assert.Equal("AADSTS700024", error.ServiceCode);
        Assert.Contains("clock", error.Cause);
    }

    private async Task<GraphMailException> AssertRefusedAsync(ConnectionRequest request, int code, int status, string errorId, string fixOrCauseMentions)
    {
        var error = await SandboxConnections.FailAsync(request);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal("AADSTS" + code, error.ServiceCode);
        Assert.Equal(status, error.HttpStatus);
        var logged = SandboxConnections.TokenRequests(_sandbox).Last();
        Assert.Equal(status, logged.Status);
        Assert.Equal(logged.RequestId, error.RequestId);
        Assert.Contains(fixOrCauseMentions, error.Cause + " " + error.Fix);
        Assert.Contains("request-id: " + logged.RequestId, error.Message);
        return error;
    }
}
