using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Configuration;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

/// <summary>-EnvironmentVariable reads through an injected environment: no process variable is set by these tests.</summary>
public sealed class EnvironmentConfigurationTests
{
    [Fact]
    public void GraphMailsNamesDescribeASecretConnection()
    {
        var request = EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_TENANT_ID"] = "contoso.com",
            ["GRAPHMAIL_CLIENT_ID"] = "51c27551-41e7-4952-a996-08bd0bfb1752",
            ["GRAPHMAIL_CLIENT_SECRET"] = "s3cret-value\n",
            ["GRAPHMAIL_ENVIRONMENT"] = "usgovdod",
            ["GRAPHMAIL_DEFAULT_FROM"] = "noreply@contoso.com",
        });

        Assert.Equal("contoso.com", request.TenantId);
        Assert.Equal("51c27551-41e7-4952-a996-08bd0bfb1752", request.ClientId);
        var secret = Assert.IsType<ClientSecretCredential>(request.Credential);
        Assert.Equal("s3cret-value", SecureStrings.Reveal(secret.Secret));
        Assert.Equal(GraphMailEnvironment.USGovDoD, request.Environment);
        Assert.Equal("noreply@contoso.com", request.DefaultFrom);
    }

    [Fact]
    public void TheAzureSdkNamesAreTheFallback()
    {
        var request = EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["AZURE_TENANT_ID"] = "fabrikam.com",
            ["GRAPHMAIL_TENANT_ID"] = "contoso.com",
            ["AZURE_CLIENT_ID"] = "496c0d13-47bb-44aa-b10b-4ce402cb1d21",
            ["AZURE_CLIENT_SECRET"] = "azure-secret",
        });

        Assert.Equal("contoso.com", request.TenantId);
        Assert.Equal("496c0d13-47bb-44aa-b10b-4ce402cb1d21", request.ClientId);
        Assert.Equal("azure-secret", SecureStrings.Reveal(Assert.IsType<ClientSecretCredential>(request.Credential).Secret));
        Assert.Equal(GraphMailEnvironment.Global, request.Environment);
    }

    [Fact]
    public void ACertificatePathWithItsPasswordDescribesACertificateConnection()
    {
        using var certificates = new TestCertificates();
        var request = EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["AZURE_TENANT_ID"] = "contoso.com",
            ["AZURE_CLIENT_ID"] = "51c27551-41e7-4952-a996-08bd0bfb1752",
            ["AZURE_CLIENT_CERTIFICATE_PATH"] = certificates.Pfx(),
            ["GRAPHMAIL_CLIENT_CERTIFICATE_PASSWORD"] = TestCertificates.Password,
        });

        var certificate = Assert.IsType<CertificateCredential>(request.Credential);
        Assert.Equal(certificates.Thumbprint, certificate.Certificate.Thumbprint);
        certificate.Certificate.Dispose();
    }

    [Fact]
    public void ASecretWinsOverACertificatePathAsWithEnvironmentCredential()
    {
        var request = EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_TENANT_ID"] = "contoso.com",
            ["GRAPHMAIL_CLIENT_ID"] = "51c27551-41e7-4952-a996-08bd0bfb1752",
            ["GRAPHMAIL_CLIENT_SECRET"] = "secret",
            ["GRAPHMAIL_CLIENT_CERTIFICATE_PATH"] = "/nowhere/cert.pfx",
        });

        Assert.IsType<ClientSecretCredential>(request.Credential);
    }

    [Fact]
    public void TheErrorNamesExactlyTheMissingVariables()
    {
        var error = Assert.Throws<GraphMailException>(() => EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_CLIENT_ID"] = "51c27551-41e7-4952-a996-08bd0bfb1752",
            ["GRAPHMAIL_TENANT_ID"] = "   ",
        }));

        Assert.Equal(ErrorIds.EnvironmentVariablesMissing, error.ErrorId);
        Assert.Contains("missing: GRAPHMAIL_TENANT_ID (or AZURE_TENANT_ID); GRAPHMAIL_CLIENT_SECRET (or AZURE_CLIENT_SECRET) or GRAPHMAIL_CLIENT_CERTIFICATE_PATH (or AZURE_CLIENT_CERTIFICATE_PATH).", error.Cause);
        Assert.DoesNotContain("GRAPHMAIL_CLIENT_ID (or", error.Cause);
    }

    [Fact]
    public void AnUnknownCloudIsNamed()
    {
        var error = Assert.Throws<GraphMailException>(() => EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_TENANT_ID"] = "contoso.com",
            ["GRAPHMAIL_CLIENT_ID"] = "51c27551-41e7-4952-a996-08bd0bfb1752",
            ["GRAPHMAIL_CLIENT_SECRET"] = "secret",
            ["GRAPHMAIL_ENVIRONMENT"] = "AzureUSGovernment",
        }));

        Assert.Equal(ErrorIds.InvalidEnvironmentVariable, error.ErrorId);
        Assert.Contains("GRAPHMAIL_ENVIRONMENT is 'AzureUSGovernment'", error.Message);
    }

    [Fact]
    public void TheSecretNeverAppearsInTheErrors()
    {
        var error = Assert.Throws<GraphMailException>(() => EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_CLIENT_SECRET"] = "Sbx8Q~VerySecretValue",
            ["GRAPHMAIL_ENVIRONMENT"] = "Mars",
        }));

        new SecretCapture().Add(error).AssertFree("Sbx8Q~VerySecretValue");
    }
}
