using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Engine.Applications.Credentials;

/// <summary>
/// A new self-signed certificate for an app's credential, made here so its private key never leaves the computer:
/// RSA 2048, SHA-256, client authentication. Its subject names the app and marks it as GraphMail's
/// (OU=GraphMail), which is how Remove-GraphMailApplication knows which local certificate it may delete.
/// </summary>
internal static class CertificateMaker
{
    internal const int KeySize = 2048;
    internal const string MarkerUnit = "GraphMail";

    internal static X509Certificate2 Create(string displayName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
#if NET
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationalUnitName(MarkerUnit);
        subject.AddCommonName(displayName);
        using var key = RSA.Create(KeySize);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var made = request.CreateSelfSigned(notBefore, notAfter);

        // Through PKCS#12 so the key is exportable and can be kept in a store or a file on every platform.
        var exported = made.Export(X509ContentType.Pkcs12);
        try
        {
            return new X509Certificate2(exported, (string?)null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.UserKeySet);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(exported);
        }
#else
        throw new GraphMailException(ErrorIds.CertificateCreationFailed, GraphMailErrorKind.NotSupported,
            $"Windows PowerShell 5.1 cannot make the certificate for '{displayName}' here.",
            "Run New-GraphMailApplication in PowerShell 7.4 or later, or add -ClientSecret.");
#endif
    }

    /// <summary>True for a certificate GraphMail made for the app named <paramref name="displayName"/>.</summary>
    internal static bool IsMadeFor(X509Certificate2 certificate, string displayName) =>
        certificate.Subject.IndexOf("OU=" + MarkerUnit, StringComparison.Ordinal) >= 0 &&
        string.Equals(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), displayName, StringComparison.Ordinal);
}
