using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Sandbox.Hosting;

/// <summary>
/// Makes a client certificate for a seeded app registration: NAME.pfx (password-protected), NAME.pem (certificate +
/// PKCS#8 private key) and NAME.cer (DER). The base64 of the .cer goes into the seed's certificates[].certificate.
/// This is how Seed/contoso-app.* were made (sandbox-only credentials, committed on purpose).
/// </summary>
internal static class AppCertificateFiles
{
    internal const string DefaultPassword = "graphmail-sandbox";

    internal static string Write(string directory, string name, string password, int years)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name} (GraphMail sandbox)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var now = DateTimeOffset.UtcNow.Date;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(years));

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, name + ".pfx"), certificate.Export(X509ContentType.Pkcs12, password));
        File.WriteAllText(Path.Combine(directory, name + ".pem"),
            PemEncoding.WriteString("CERTIFICATE", certificate.RawData) + "\n" +
            PemEncoding.WriteString("PRIVATE KEY", key.ExportPkcs8PrivateKey()) + "\n");
        File.WriteAllBytes(Path.Combine(directory, name + ".cer"), certificate.RawData);
        return Convert.ToBase64String(certificate.RawData);
    }
}
