using System;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Engine.Connections.Certificates;

/// <summary>A PEM file with a certificate and its private key. .NET Framework has no PEM reader: PowerShell 7 only.</summary>
internal static class Pem
{
    private const string ToPfx = "openssl pkcs12 -export -in certificate.pem -inkey private-key.pem -out certificate.pfx";

    internal static X509Certificate2 Load(string path, string text, SecureString? password)
    {
#if NET
        if (text.IndexOf("CERTIFICATE-----", StringComparison.Ordinal) < 0)
        {
            throw CertificateFiles.Unreadable(path, "it is a PEM file without a certificate", null);
        }

        if (text.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) < 0)
        {
            throw new GraphMailException(ErrorIds.CertificateWithoutPrivateKey, GraphMailErrorKind.InvalidArgument,
                $"The PEM file '{path}' holds a certificate but no private key.",
                "Put the certificate and its key in one file (cat certificate.pem private-key.pem > combined.pem), or make a PFX: " + ToPfx);
        }

        if (text.IndexOf("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal) >= 0)
        {
            throw CertificateFiles.Unreadable(path, "its private key uses OpenSSL's legacy encryption, which .NET cannot read", null);
        }

        var encrypted = text.IndexOf("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal) >= 0;
        if (encrypted && password is null or { Length: 0 })
        {
            throw new GraphMailException(ErrorIds.CertificatePasswordIncorrect, GraphMailErrorKind.InvalidArgument,
                $"The private key in '{path}' is encrypted and no password was given.",
                "Pass the key's password with -CertificatePassword.");
        }

        try
        {
            var certificate = encrypted
                ? SecureStrings.UseChars(password!, chars => X509Certificate2.CreateFromEncryptedPem(text, text, chars))
                : X509Certificate2.CreateFromPem(text, text);
            return certificate;
        }
        catch (CryptographicException e) when (encrypted)
        {
            throw new GraphMailException(ErrorIds.CertificatePasswordIncorrect, GraphMailErrorKind.InvalidArgument,
                $"The private key in '{path}' cannot be decrypted with the password given.",
                "Pass the key's password with -CertificatePassword.", e);
        }
        catch (CryptographicException e)
        {
            throw CertificateFiles.Unreadable(path, "its certificate and private key cannot be read together (" + e.Message + ")", e);
        }
#else
        throw new GraphMailException(ErrorIds.CertificatePemNotSupported, GraphMailErrorKind.NotSupported,
            $"'{path}' is a PEM file, which Windows PowerShell 5.1 (.NET Framework) cannot read.",
            "Use PowerShell 7, or make a PFX and pass that: " + ToPfx);
#endif
    }
}
