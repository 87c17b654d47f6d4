using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

/// <summary>The seeded sender app has the contoso-app certificate registered; the sandbox checks MSAL's signed assertion.</summary>
[Collection(CertificateStoreCollection.Name)]
public sealed class CertificateConnectionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public CertificateConnectionTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task ACertificateObjectConnectsAndIsNotDisposedWithTheConnection()
    {
        using var certificate = SandboxDefaults.LoadAppCertificate();

        using (var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Certificate(_sandbox, certificate)))
        {
            Assert.Equal(CredentialKind.Certificate, connection.Info.CredentialKind);
            Assert.Equal(certificate.Thumbprint, connection.Info.CertificateThumbprint);
            Assert.Equal(["Mail.Send"], connection.Info.Roles);
        }

        Assert.NotNull(certificate.GetRSAPrivateKey());
    }

    [Fact]
    public async Task APfxFileConnects()
    {
        var credential = CertificateCredential.FromFile(SandboxDefaults.AppCertificatePfx, SecureStrings.From(SandboxDefaults.AppCertificatePassword));

        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Certificate(_sandbox, credential));

        Assert.Equal(CredentialKind.Certificate, connection.Info.CredentialKind);
        Assert.Equal(200, Assert.Single(SandboxConnections.TokenRequests(_sandbox)).Status);
    }

    [Fact]
    public async Task APemFileConnects()
    {
        var credential = CertificateCredential.FromFile(SandboxDefaults.AppCertificatePem, null);

        using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Certificate(_sandbox, credential));

        Assert.Equal(credential.Certificate.Thumbprint, connection.Info.CertificateThumbprint);
    }

    [Fact]
    public async Task AnEncryptedPemMadeFromTheSeedCertificateConnects()
    {
        using var seed = SandboxDefaults.LoadAppCertificate();
        using var key = seed.GetRSAPrivateKey()!;
        var path = Path.Combine(Path.GetTempPath(), "graphmail-" + System.Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, seed.ExportCertificatePem() + "\n" + key.ExportEncryptedPkcs8PrivateKeyPem("pem-Pa55",
            new System.Security.Cryptography.PbeParameters(System.Security.Cryptography.PbeEncryptionAlgorithm.Aes256Cbc, System.Security.Cryptography.HashAlgorithmName.SHA256, 10_000)));
        try
        {
            using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Certificate(_sandbox, CertificateCredential.FromFile(path, SecureStrings.From("pem-Pa55"))));

            Assert.Equal(seed.Thumbprint, connection.Info.CertificateThumbprint);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AThumbprintFromCurrentUserMyConnects()
    {
        using var stored = X509CertificateLoader.LoadPkcs12FromFile(SandboxDefaults.AppCertificatePfx, SandboxDefaults.AppCertificatePassword, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet);
        using (var store = new X509Store(StoreName.My, StoreLocation.CurrentUser))
        {
            store.Open(OpenFlags.ReadWrite);
            store.Add(stored);
        }

        try
        {
            using var connection = await SandboxConnections.ConnectAsync(SandboxConnections.Certificate(_sandbox, CertificateCredential.FromThumbprint(stored.Thumbprint)));

            Assert.Equal(stored.Thumbprint, connection.Info.CertificateThumbprint);
        }
        finally
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Remove(stored);
        }
    }
}
