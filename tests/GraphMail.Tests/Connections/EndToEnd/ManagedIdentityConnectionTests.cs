using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

/// <summary>
/// Managed identity through MSAL's own source detection. With no variables set MSAL calls IMDS at 169.254.169.254;
/// the sandbox connection sends that request to the sandbox's IMDS endpoint. With IDENTITY_ENDPOINT and IDENTITY_HEADER
/// (Azure Automation, App Service) MSAL calls that endpoint App Service style. GraphMail itself sets no variable.
/// </summary>
[Collection(ManagedIdentityCollection.Name)]
public sealed class ManagedIdentityConnectionTests : IClassFixture<SandboxFixture>
{
    private const string ImdsPath = "/metadata/identity/oauth2/token";
    private const string AppServicePath = "/msi/token";

    private readonly SandboxFixture _sandbox;

    public ManagedIdentityConnectionTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Theory]
    [InlineData(false, null, SandboxDefaults.SystemAssignedClientId)]
    [InlineData(false, SandboxDefaults.UserAssignedClientId, SandboxDefaults.UserAssignedClientId)]
    [InlineData(true, null, SandboxDefaults.SystemAssignedClientId)]
    [InlineData(true, SandboxDefaults.UserAssignedClientId, SandboxDefaults.UserAssignedClientId)]
    public async Task EachEndpointStyleReachesTheSandboxAndNoVariableChanges(bool appServiceStyle, string? userAssigned, string expectedClientId)
    {
        // IMDS style: no variable at all. App Service style: the variables Azure Automation sets.
        using var cleared = ManagedIdentityVariables.Cleared();
        using var automation = appServiceStyle ? SandboxManagedIdentityEnvironment.AppService(_sandbox.Server) : null;
        var before = ManagedIdentityVariables.Snapshot();

        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.ManagedIdentity(_sandbox, userAssigned));

        Assert.Equal(before, ManagedIdentityVariables.Snapshot());
        var info = connection.Info;
        Assert.Equal(CredentialKind.ManagedIdentity, info.CredentialKind);
        Assert.Equal(userAssigned, info.ManagedIdentityClientId);
        Assert.Equal(expectedClientId, info.ClientId);
        Assert.Equal(Guid.Parse(SandboxDefaults.TenantId), info.TenantId);
        Assert.Null(info.TenantDomain);
        Assert.Equal(["Mail.Send"], info.Roles);
        var logged = Assert.Single(SandboxConnections.Logged(_sandbox, RouteNames.ManagedIdentity));
        Assert.StartsWith(appServiceStyle ? AppServicePath + "?api-version=2019-08-01" : ImdsPath + "?api-version=2018-02-01", logged.Path);
        Assert.Equal(200, logged.Status);
    }

    [Fact]
    public async Task AutomationsOwnEndpointIsReplacedByTheSandboxs()
    {
        // A real Automation worker's values: the sandbox connection must still reach only the sandbox.
        using var cleared = ManagedIdentityVariables.Cleared();
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", "http://127.0.0.1:1/MSI/token/");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "automation-worker-header");

        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.ManagedIdentity(_sandbox));

        Assert.Equal(SandboxDefaults.SystemAssignedClientId, connection.Info.ClientId);
        Assert.StartsWith(AppServicePath, Assert.Single(SandboxConnections.Logged(_sandbox, RouteNames.ManagedIdentity)).Path);
    }

    [Fact]
    public async Task EachSandboxConnectionHasItsOwnTokensDespiteMsalsSharedCache()
    {
        using var cleared = ManagedIdentityVariables.Cleared();

        using var first = await SandboxConnections.ConnectAsync(SandboxConnections.ManagedIdentity(_sandbox));
        using var second = await SandboxConnections.ConnectAsync(SandboxConnections.ManagedIdentity(_sandbox));

        Assert.Equal(2, SandboxConnections.Logged(_sandbox, RouteNames.ManagedIdentity).Length);
        Assert.NotEqual(await SandboxConnections.TokenTextAsync(first), await SandboxConnections.TokenTextAsync(second));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnIdentityTheResourceDoesNotHaveIsNotFound(bool appServiceStyle)
    {
        using var cleared = ManagedIdentityVariables.Cleared();
        using var automation = appServiceStyle ? SandboxManagedIdentityEnvironment.AppService(_sandbox.Server) : null;

        var error = await SandboxConnections.FailAsync(SandboxConnections.ManagedIdentity(_sandbox, "11111111-1111-1111-1111-111111111111"));

        Assert.Equal(ErrorIds.ManagedIdentityNotFound, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("user-assigned managed identity 11111111-1111-1111-1111-111111111111", error.Message);
        Assert.Contains(appServiceStyle ? "No managed identity was found" : "Identity not found", error.Message);
        Assert.Contains("-ManagedIdentityClientId", error.Fix);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnotherCloudsGraphIsRefusedByTheEndpoint(bool appServiceStyle)
    {
        using var cleared = ManagedIdentityVariables.Cleared();
        using var automation = appServiceStyle ? SandboxManagedIdentityEnvironment.AppService(_sandbox.Server) : null;
        var request = SandboxConnections.ManagedIdentity(_sandbox);
        request.Environment = GraphMailEnvironment.USGov;

        var error = await SandboxConnections.FailAsync(request);

        Assert.Equal(ErrorIds.ResourceNotFoundInTenant, error.ErrorId);
        Assert.Contains("AADSTS500011: The resource principal named https://graph.microsoft.us was not found", error.Message);
        Assert.Contains("-Environment", error.Fix);
    }

    [Fact]
    public async Task ATenantGuidThatIsNotTheIdentitysIsRefused()
    {
        using var cleared = ManagedIdentityVariables.Cleared();
        var request = SandboxConnections.ManagedIdentity(_sandbox);
        request.TenantId = "8ff4fa5b-3567-416c-abff-c037a09fea0b";

        var error = await SandboxConnections.FailAsync(request);

        Assert.Equal(ErrorIds.ManagedIdentityTenantMismatch, error.ErrorId);
        Assert.Contains(SandboxDefaults.TenantId, error.Message);
    }

    [Fact]
    public async Task TheIdentitysOwnTenantGuidIsAccepted()
    {
        using var cleared = ManagedIdentityVariables.Cleared();
        var request = SandboxConnections.ManagedIdentity(_sandbox);
        request.TenantId = SandboxDefaults.TenantId;

        using var connection = await SandboxConnections.ConnectAsync(request);

        Assert.Equal(Guid.Parse(SandboxDefaults.TenantId), connection.Info.TenantId);
    }

    [Fact]
    public async Task AManagedIdentityTokenIsRenewedThroughItsEndpoint()
    {
        using var cleared = ManagedIdentityVariables.Cleared();
        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.ManagedIdentity(_sandbox));
        _sandbox.Control.ExpireAllTokens();

        using var response = await connection.GraphHttp.PostAsync(
            $"users/{SandboxDefaults.Noreply}/sendMail",
            new StringContent(SandboxGraphRequests.SendMailBody(subject: "identity after revocation"), Encoding.UTF8, "application/json"),
            TestTimeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, SandboxConnections.Logged(_sandbox, RouteNames.ManagedIdentity).Length);
    }
}
