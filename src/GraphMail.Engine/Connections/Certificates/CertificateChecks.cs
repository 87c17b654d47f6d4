using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Engine.Connections.Certificates;

/// <summary>What a certificate needs before GraphMail signs with it: its private key, and an RSA one.</summary>
internal static class CertificateChecks
{
    internal static CertificateCredential RequirePrivateKey(CertificateCredential credential)
    {
        RequirePrivateKey(credential.Certificate, "Certificate " + credential.Certificate.Thumbprint + " (" + credential.Certificate.Subject + ")");
        return credential;
    }

    /// <summary>A certificate GraphMail loaded: checked, then owned by the credential (disposed here when it fails the check).</summary>
    internal static CertificateCredential Loaded(X509Certificate2 certificate, string described)
    {
        try
        {
            RequirePrivateKey(certificate, described);
        }
        catch
        {
            certificate.Dispose();
            throw;
        }

        return new CertificateCredential(certificate, ownsCertificate: true);
    }

    internal static void RequirePrivateKey(X509Certificate2 certificate, string described)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new GraphMailException(ErrorIds.CertificateWithoutPrivateKey, GraphMailErrorKind.InvalidArgument,
                described + " has no private key: GraphMail signs with the key, and Entra ID checks the signature against the public part registered on the app.",
                "Use the PFX (or PEM with its key) the certificate was created with, or a certificate from the store of the account that holds its key.");
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            throw new GraphMailException(ErrorIds.CertificateKeyNotSupported, GraphMailErrorKind.InvalidArgument,
                described + " does not have an RSA key; Entra ID app certificates must be RSA (2048 bits or more).",
                "Create an RSA certificate, e.g. New-SelfSignedCertificate -KeyAlgorithm RSA -KeyLength 2048, or openssl req -x509 -newkey rsa:2048.");
        }
    }
}
