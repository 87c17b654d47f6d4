using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Configuration;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

/// <summary>
/// Everything the engine and the cmdlet layer show (messages, ToString, inner exceptions, ErrorRecords, ConnectionInfo
/// and token details as text and JSON, verbose lines, warnings) searched for the secret, the certificate password and
/// the access token, on success and on every error path.
/// </summary>
public sealed class SecretHygieneTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public SecretHygieneTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task ASecretConnectionShowsNeitherSecretNorToken()
    {
        var request = SandboxConnections.Secret(_sandbox);
        using var connection = await SandboxConnections.ConnectAsync(request);
        var token = await SandboxConnections.TokenTextAsync(connection);
        var capture = new SecretCapture()
            .Add(request.ToString())
            .Add(request.Credential!.ToString())
            .Add(connection.ToString())
            .Add(connection.Info)
            .Add(await connection.AcquireTokenAsync(forceRefresh: true, TestTimeout.Token));
        foreach (var warning in ConnectionAdvice.Warnings(connection.Info))
        {
            capture.Add(warning);
        }

        capture.AssertFree(SandboxDefaults.SenderSecret, token, await SandboxConnections.TokenTextAsync(connection));
        Assert.All(SecretCapture.TokenParts(token), part => capture.AssertFree(part));
    }

    [Fact]
    public async Task ACertificateConnectionShowsNeitherPasswordNorToken()
    {
        var credential = CertificateCredential.FromFile(SandboxDefaults.AppCertificatePfx, SecureStrings.From(SandboxDefaults.AppCertificatePassword));
        var request = SandboxConnections.Certificate(_sandbox, credential);
        using var connection = await SandboxConnections.ConnectAsync(request);
        var token = await SandboxConnections.TokenTextAsync(connection);

        new SecretCapture().Add(request.ToString()).Add(credential.ToString()).Add(connection.ToString()).Add(connection.Info)
            .AssertFree(SandboxDefaults.AppCertificatePassword, token);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("expired secret")]
    [InlineData("unknown tenant")]
    [InlineData("app not in tenant")]
    [InlineData("empty secret")]
    [InlineData("bad tenant syntax")]
    public async Task EveryErrorPathIsFreeOfTheSecret(string path)
    {
        const string typed = "Sbx8Q~TypedByMistake.NotTheSecret-0099";
        var request = path switch
        {
            "wrong secret" => SandboxConnections.Secret(_sandbox, secret: typed),
            "expired secret" => SandboxConnections.Secret(_sandbox, SandboxDefaults.ExpiredAppId, SandboxDefaults.ExpiredSecret),
            "unknown tenant" => SandboxConnections.Secret(_sandbox, tenant: "nowhere.example.com"),
            "app not in tenant" => SandboxConnections.Secret(_sandbox, tenant: SandboxDefaults.OtherTenantDomain),
            "empty secret" => SandboxConnections.Secret(_sandbox, secret: ""),
            _ => SandboxConnections.Secret(_sandbox, tenant: "contoso com"),
        };

        var error = await SandboxConnections.FailAsync(request);

        new SecretCapture().Add(error).Add(request.ToString())
            .AssertFree(typed, SandboxDefaults.SenderSecret, SandboxDefaults.ExpiredSecret);
    }

    [Fact]
    public async Task AWrongPfxPasswordAndAnEnvironmentErrorAreFreeOfTheirSecrets()
    {
        var pfx = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(SandboxDefaults.AppCertificatePfx, SecureStrings.From("Typed-Pfx-Pa55word")));
        var environment = Assert.Throws<GraphMailException>(() => EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_CLIENT_SECRET"] = SandboxDefaults.SenderSecret,
            ["GRAPHMAIL_CLIENT_CERTIFICATE_PASSWORD"] = SandboxDefaults.AppCertificatePassword,
        }));
        var request = EnvironmentConfiguration.Read(new DictionaryVariables
        {
            ["GRAPHMAIL_TENANT_ID"] = "nowhere.example.com",
            ["GRAPHMAIL_CLIENT_ID"] = SandboxDefaults.SenderAppId,
            ["GRAPHMAIL_CLIENT_SECRET"] = SandboxDefaults.SenderSecret,
        });
        request.Sandbox = SandboxConnections.Endpoint(_sandbox);
        var refused = await SandboxConnections.FailAsync(request);

        new SecretCapture().Add(pfx).Add(environment).Add(refused).Add(request.ToString())
            .AssertFree("Typed-Pfx-Pa55word", SandboxDefaults.SenderSecret, SandboxDefaults.AppCertificatePassword);
    }
}
