using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Certificates;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

public sealed class CertificateFileTests : System.IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void APfxOpensWithItsPassword()
    {
        using var credential = new Owned(CertificateCredential.FromFile(_certificates.Pfx(), SecureStrings.From(TestCertificates.Password)));

        Assert.Equal(_certificates.Thumbprint, credential.Value.Certificate.Thumbprint);
        Assert.True(credential.Value.Certificate.HasPrivateKey);
        Assert.True(credential.Value.OwnsCertificate);
    }

    [Fact]
    public void APfxWithoutPasswordOpensWithout()
    {
        using var credential = new Owned(CertificateCredential.FromFile(_certificates.Pfx(password: null), null));
        Assert.True(credential.Value.Certificate.HasPrivateKey);
    }

    [Fact]
    public void AWrongPfxPasswordIsNamedAsSuch()
    {
        var path = _certificates.Pfx();

        var wrong = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(path, SecureStrings.From("Wr0ng-Pa55!")));
        var missing = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(path, null));

        Assert.Equal(ErrorIds.CertificatePasswordIncorrect, wrong.ErrorId);
        Assert.Contains("'" + path + "'", wrong.Message);
        Assert.Contains("password given", wrong.Message);
        Assert.Equal(ErrorIds.CertificatePasswordIncorrect, missing.ErrorId);
        Assert.Contains("without a password", missing.Message);
        new SecretCapture().Add(wrong).AssertFree("Wr0ng-Pa55!", TestCertificates.Password);
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("pkcs1")]
    [InlineData("encrypted")]
    public void APemWithCertificateAndKeyOpens(string form)
    {
        var path = form switch { "pkcs8" => _certificates.PemPkcs8(), "pkcs1" => _certificates.PemPkcs1(), _ => _certificates.PemEncrypted() };
        var password = form == "encrypted" ? SecureStrings.From(TestCertificates.Password) : null;

        using var credential = new Owned(CertificateCredential.FromFile(path, password));

        Assert.Equal(_certificates.Thumbprint, credential.Value.Certificate.Thumbprint);
        Assert.NotNull(credential.Value.Certificate.GetRSAPrivateKey());
    }

    [Fact]
    public void AnEncryptedPemNeedsTheRightPassword()
    {
        var path = _certificates.PemEncrypted();

        Assert.Equal(ErrorIds.CertificatePasswordIncorrect, Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(path, null)).ErrorId);
        var wrong = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(path, SecureStrings.From("wrong")));
        Assert.Equal(ErrorIds.CertificatePasswordIncorrect, wrong.ErrorId);
        Assert.Contains("cannot be decrypted", wrong.Message);
    }

    [Fact]
    public void APublicCertificateAloneIsRefusedForItsMissingKey()
    {
        var cer = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(_certificates.Cer(), null));
        var pem = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(_certificates.PemWithoutKey(), null));

        Assert.Equal(ErrorIds.CertificateWithoutPrivateKey, cer.ErrorId);
        Assert.Contains(".cer", cer.Message);
        Assert.Equal(ErrorIds.CertificateWithoutPrivateKey, pem.ErrorId);
        Assert.Contains("openssl pkcs12 -export", pem.Fix);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var path = Path.Combine(_certificates.Directory, "absent.pfx");

        var error = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(path, null));

        Assert.Equal(ErrorIds.CertificateFileNotFound, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("'" + path + "'", error.Message);
    }

    [Fact]
    public void AFileThatIsNoCertificateIsUnreadable()
    {
        var path = _certificates.Write("notes.txt", "hello, this is not a certificate");

        var error = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(path, null));

        Assert.Equal(ErrorIds.CertificateFileUnreadable, error.ErrorId);
        Assert.Contains("'" + path + "'", error.Message);
        Assert.Contains("neither a PFX (PKCS#12) nor a PEM", error.Message);
    }

    [Fact]
    public void ADirectoryIsNamedAsAFolderNotAsAccessDenied()
    {
        var error = Assert.Throws<GraphMailException>(() => CertificateCredential.FromFile(_certificates.Directory, null));

        Assert.Equal(ErrorIds.CertificateFileNotFound, error.ErrorId);
        Assert.Contains($"'{_certificates.Directory}' is a folder, not a certificate file.", error.Message);
        Assert.DoesNotContain("denied", error.Message);
    }

    [Fact]
    public void ACertificateObjectWithoutKeyIsRefusedBeforeAnyNetworkCall()
    {
        using var publicOnly = _certificates.PublicOnly();
        var request = new ConnectionRequest { TenantId = "contoso.com", ClientId = "51c27551-41e7-4952-a996-08bd0bfb1752", Credential = new CertificateCredential(publicOnly) };

        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(request));

        Assert.Equal(ErrorIds.CertificateWithoutPrivateKey, error.ErrorId);
        Assert.Contains(_certificates.Thumbprint, error.Message);
    }

    [Fact]
    public void AnEcdsaCertificateIsRefusedAsNotRsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=ec", key, HashAlgorithmName.SHA256).CreateSelfSigned(System.DateTimeOffset.UtcNow.AddDays(-1), System.DateTimeOffset.UtcNow.AddDays(1));

        var error = Assert.Throws<GraphMailException>(() => CertificateChecks.RequirePrivateKey(new CertificateCredential(certificate)));

        Assert.Equal(ErrorIds.CertificateKeyNotSupported, error.ErrorId);
        Assert.Contains("RSA", error.Message);
    }

    /// <summary>Disposes what a loader handed over.</summary>
    private sealed class Owned(CertificateCredential value) : System.IDisposable
    {
        internal CertificateCredential Value { get; } = value;

        public void Dispose() => Value.Certificate.Dispose();
    }
}
