using System;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Certificates;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

/// <summary>Uses the real CurrentUser\My store: the test adds its own certificate and removes it again.</summary>
[Collection(CertificateStoreCollection.Name)]
public sealed class CertificateStoreTests
{
    [Fact]
    public void AThumbprintIsFoundInCurrentUserMyWithItsKey()
    {
        using var certificates = new TestCertificates("CN=GraphMail store test " + Guid.NewGuid());
        using var stored = StoredCertificate.Add(certificates);

        var credential = CertificateCredential.FromThumbprint(certificates.Thumbprint.ToLowerInvariant());
        try
        {
            Assert.Equal(certificates.Thumbprint, credential.Certificate.Thumbprint);
            Assert.True(credential.Certificate.HasPrivateKey);
            Assert.True(credential.OwnsCertificate);
        }
        finally
        {
            credential.Certificate.Dispose();
        }
    }

    [Fact]
    public void AThumbprintPastedFromCertmgrIsCleanedUp()
    {
        using var certificates = new TestCertificates("CN=GraphMail store test " + Guid.NewGuid());
        using var stored = StoredCertificate.Add(certificates);
        var pasted = "\u200E" + string.Join(" ", SplitPairs(certificates.Thumbprint.ToLowerInvariant()));

        var credential = CertificateCredential.FromThumbprint(pasted);

        Assert.Equal(certificates.Thumbprint, credential.Certificate.Thumbprint);
        credential.Certificate.Dispose();
    }

    [Fact]
    public void AMissingCertificateNamesTheStoresSearched()
    {
        var thumbprint = new string('A', 40);

        var error = Assert.Throws<GraphMailException>(() => CertificateStores.FindByThumbprint(thumbprint));

        Assert.Equal(ErrorIds.CertificateNotFound, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains(thumbprint, error.Message);
        Assert.Contains("LocalMachine\\My", error.Message);
        if (OperatingSystem.IsLinux())
        {
            // Linux has no LocalMachine\My: skipped, and said so, without an error of its own.
            Assert.Contains("LocalMachine\\My does not exist on this system", error.Message);
        }
    }

    [Fact]
    public void AStoreCertificateWithoutKeyIsRefused()
    {
        using var certificates = new TestCertificates("CN=GraphMail store test " + Guid.NewGuid());
        using var stored = StoredCertificate.Add(certificates.PublicOnly());

        var error = Assert.Throws<GraphMailException>(() => CertificateStores.FindByThumbprint(certificates.Thumbprint, [StoreLocation.CurrentUser]));

        Assert.Equal(ErrorIds.CertificateWithoutPrivateKey, error.ErrorId);
        Assert.Contains("CurrentUser\\My", error.Message);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("ZZ23456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789")]
    public void ANonThumbprintIsRefusedByValue(string input)
    {
        var error = Assert.Throws<GraphMailException>(() => CertificateCredential.FromThumbprint(input));

        Assert.Equal(ErrorIds.InvalidCertificateThumbprint, error.ErrorId);
        Assert.Contains("'" + input + "'", error.Message);
        Assert.Contains("40 hexadecimal", error.Message);
    }

    [Fact]
    public void ThumbprintsAreNormalised() =>
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF01234567", Thumbprint.Normalize("\u200E01:23:45:67:89:ab:cd:ef 01234567-89abcdef01234567 "));

    private static string[] SplitPairs(string hex)
    {
        var pairs = new string[hex.Length / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = hex.Substring(2 * i, 2);
        }

        return pairs;
    }

    /// <summary>A certificate in CurrentUser\My for the length of a test.</summary>
    private sealed class StoredCertificate : IDisposable
    {
        private readonly X509Certificate2 _certificate;

        private StoredCertificate(X509Certificate2 certificate)
        {
            _certificate = certificate;
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Add(certificate);
        }

        internal static StoredCertificate Add(TestCertificates certificates) =>
            // A store keeps the key only when the certificate was loaded as exportable from a PFX.
            new(X509CertificateLoader.LoadPkcs12(certificates.Certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet));

        internal static StoredCertificate Add(X509Certificate2 certificate) => new(certificate);

        public void Dispose()
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Remove(_certificate);
            _certificate.Dispose();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CertificateStoreCollection
{
    internal const string Name = "CurrentUser certificate store";
}
