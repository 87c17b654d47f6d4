using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Sandbox.Hosting;

/// <summary>The TLS certificate the sandbox serves: made at start (RSA 2048, SAN 127.0.0.1 + localhost) or supplied.</summary>
internal static class ServerCertificate
{
    internal static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=GraphMail.Sandbox", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform (Windows needs a stored key).
        return new X509Certificate2(created.Export(X509ContentType.Pkcs12), (string?)null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>Writes the public certificate as PEM to a new file and returns its absolute path.</summary>
    internal static string WritePem(X509Certificate2 certificate, string? directory)
    {
        directory = Path.GetFullPath(directory ?? Path.Combine(Path.GetTempPath(), "graphmail-sandbox"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"sandbox-{certificate.Thumbprint}-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, PemEncoding.WriteString("CERTIFICATE", certificate.RawData) + "\n");
        return path;
    }

    internal static string Sha256Hex(X509Certificate2 certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}
