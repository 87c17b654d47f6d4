using GraphMail.Commands;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

/// <summary>
/// Connect-GraphMail's parameters → the engine request. Under the stub System.Management.Automation ParameterSetName
/// is null and switches and PSCredential read back empty, so tests pass those bound values explicitly.
/// </summary>
public sealed class ConnectCommandRequestTests
{
    private const string AppId = "51c27551-41e7-4952-a996-08bd0bfb1752";
    private static readonly ConnectGraphMailCommand.BoundValues NoSwitches = new(false, false, null, null);

    [Fact]
    public void ASecureStringSecretBecomesAClientSecretCredential()
    {
        using var command = new ConnectGraphMailCommand { TenantId = "contoso.com", ClientId = AppId, ClientSecret = SecureStrings.From("s3cret") };

        var request = command.ToRequest(NoSwitches);

        Assert.Equal("contoso.com", request.TenantId);
        Assert.Equal(AppId, request.ClientId);
        Assert.Equal("s3cret", SecureStrings.Reveal(Assert.IsType<ClientSecretCredential>(request.Credential).Secret));
        Assert.Equal(GraphMailEnvironment.Global, request.Environment);
        Assert.Null(request.Sandbox);
    }

    [Fact]
    public void APSCredentialIsClientIdAndSecret()
    {
        using var command = new ConnectGraphMailCommand { TenantId = "contoso.com" };

        var request = command.ToRequest(new(false, false, AppId, SecureStrings.From("s3cret")));

        Assert.Equal(AppId, request.ClientId);
        Assert.Equal("s3cret", SecureStrings.Reveal(Assert.IsType<ClientSecretCredential>(request.Credential).Secret));
    }

    [Fact]
    public void ACertificateObjectIsUsedAsGivenAndNotOwned()
    {
        using var certificates = new TestCertificates();
        using var command = new ConnectGraphMailCommand { TenantId = "contoso.com", ClientId = AppId, Certificate = certificates.Certificate };

        var credential = Assert.IsType<CertificateCredential>(command.ToRequest(NoSwitches).Credential);

        Assert.Same(certificates.Certificate, credential.Certificate);
        Assert.False(credential.OwnsCertificate);
    }

    [Fact]
    public void ACertificatePathIsLoadedWithItsPassword()
    {
        using var certificates = new TestCertificates();
        using var command = new ConnectGraphMailCommand
        {
            TenantId = "contoso.com", ClientId = AppId, CertificatePath = certificates.Pfx(), CertificatePassword = SecureStrings.From(TestCertificates.Password),
        };

        var credential = Assert.IsType<CertificateCredential>(command.ToRequest(NoSwitches).Credential);

        Assert.Equal(certificates.Thumbprint, credential.Certificate.Thumbprint);
        Assert.True(credential.OwnsCertificate);
        credential.Certificate.Dispose();
    }

    [Fact]
    public void AThumbprintThatIsNoThumbprintFailsByName()
    {
        using var command = new ConnectGraphMailCommand { TenantId = "contoso.com", ClientId = AppId, CertificateThumbprint = "not-a-thumbprint" };

        Assert.Equal(ErrorIds.InvalidCertificateThumbprint, Assert.Throws<GraphMailException>(() => command.ToRequest(NoSwitches)).ErrorId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a4498cb5-8123-48ef-90b8-0db301b6c7ae")]
    public void ManagedIdentityNeedsNoTenantOrClient(string? userAssigned)
    {
        using var command = new ConnectGraphMailCommand { ManagedIdentityClientId = userAssigned };

        var request = command.ToRequest(new(true, false, null, null));

        Assert.Null(request.TenantId);
        Assert.Equal(userAssigned, Assert.IsType<ManagedIdentityCredential>(request.Credential).UserAssignedClientId);
    }

    [Fact]
    public void EnvironmentVariablesAreReadFromTheInjectedEnvironmentAndParametersWin()
    {
        var environmentVariable = new ConnectGraphMailCommand.BoundValues(false, true, null, null);
        using var command = new ConnectGraphMailCommand
        {
            Variables = new DictionaryVariables
            {
                ["GRAPHMAIL_TENANT_ID"] = "contoso.com",
                ["GRAPHMAIL_CLIENT_ID"] = AppId,
                ["GRAPHMAIL_CLIENT_SECRET"] = "s3cret",
                ["GRAPHMAIL_ENVIRONMENT"] = "China",
                ["GRAPHMAIL_DEFAULT_FROM"] = "noreply@contoso.com",
            },
        };

        var fromVariables = command.ToRequest(environmentVariable);
        command.Environment = GraphMailEnvironment.USGov;
        command.DefaultFrom = "reports@contoso.com";
        var overridden = command.ToRequest(environmentVariable);

        Assert.Equal(GraphMailEnvironment.China, fromVariables.Environment);
        Assert.Equal("noreply@contoso.com", fromVariables.DefaultFrom);
        Assert.Equal(GraphMailEnvironment.USGov, overridden.Environment);
        Assert.Equal("reports@contoso.com", overridden.DefaultFrom);
    }

    [Fact]
    public void EnvironmentAndDefaultFromAndSandboxAreCarried()
    {
        using var command = new ConnectGraphMailCommand
        {
            TenantId = "contoso.com", ClientId = AppId, ClientSecret = SecureStrings.From("x"),
            Environment = GraphMailEnvironment.China, DefaultFrom = "noreply@contoso.com",
            Sandbox = """{"authority":"https://127.0.0.1:5123/","graph":"https://127.0.0.1:5123/v1.0","certificateSha256":"ab"}""",
        };

        var request = command.ToRequest(NoSwitches);

        Assert.Equal(GraphMailEnvironment.China, request.Environment);
        Assert.Equal("noreply@contoso.com", request.DefaultFrom);
        Assert.Equal(new System.Uri("https://127.0.0.1:5123/v1.0"), request.Sandbox!.GraphBaseUri);
    }

    [Fact]
    public void ASandboxLineOffLoopbackIsRefused()
    {
        using var command = new ConnectGraphMailCommand
        {
            Sandbox = """{"authority":"https://login.microsoftonline.com/","graph":"https://graph.microsoft.com/v1.0","certificateSha256":"ab"}""",
        };

        Assert.Equal(ErrorIds.InvalidSandboxEndpoint, Assert.Throws<GraphMailException>(() => command.ToRequest(new(true, false, null, null))).ErrorId);
    }

    [Fact]
    public void TheRequestDescribesItselfWithoutTheSecret()
    {
        using var command = new ConnectGraphMailCommand { TenantId = "contoso.com", ClientId = AppId, ClientSecret = SecureStrings.From("Sbx8Q~DoNotShow") };

        var text = command.ToRequest(NoSwitches).ToString();

        Assert.Contains("contoso.com", text);
        Assert.Contains(AppId, text);
        Assert.Contains("ClientSecret", text);
        new SecretCapture().Add(text).AssertFree("Sbx8Q~DoNotShow");
    }
}
