using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Tests.Connections.Support;

/// <summary>Self-signed certificates made in the test, written as PFX and PEM in every form Connect-GraphMail reads.</summary>
internal sealed class TestCertificates : IDisposable
{
    internal const string Password = "pfx-Pa55word!";

    // Making an RSA key costs up to a second on a busy machine: one for the test run; certificates differ by subject.
    private static readonly RSA SharedKey = RSA.Create(2048);

    private readonly RSA _key = SharedKey;

    internal TestCertificates(string subject = "CN=GraphMail test")
    {
        Directory = Path.Combine(Path.GetTempPath(), "graphmail-certs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var request = new CertificateRequest(subject, _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    internal string Directory { get; }

    /// <summary>With its private key.</summary>
    internal X509Certificate2 Certificate { get; }

    internal string Thumbprint => Certificate.Thumbprint;

    internal X509Certificate2 PublicOnly() => X509CertificateLoader.LoadCertificate(Certificate.RawData);

    internal string Write(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    internal string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    internal string Pfx(string? password = Password) => Write("cert.pfx", Certificate.Export(X509ContentType.Pkcs12, password));

    internal string Cer() => Write("cert.cer", Certificate.Export(X509ContentType.Cert));

    internal string PemPkcs8() => Write("pkcs8.pem", Certificate.ExportCertificatePem() + "\n" + _key.ExportPkcs8PrivateKeyPem());

    internal string PemPkcs1() => Write("pkcs1.pem", Certificate.ExportCertificatePem() + "\n" + _key.ExportRSAPrivateKeyPem());

    internal string PemEncrypted(string password = Password) => Write("encrypted.pem", Certificate.ExportCertificatePem() + "\n" +
        _key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));

    internal string PemWithoutKey() => Write("nokey.pem", Certificate.ExportCertificatePem());

    public void Dispose()
    {
        Certificate.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
