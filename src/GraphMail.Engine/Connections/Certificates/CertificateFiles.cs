using System;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GraphMail.Engine.FileSystem;

namespace GraphMail.Engine.Connections.Certificates;

/// <summary>
/// Loads a certificate with its private key from a PFX (PKCS#12) file, or from a PEM file holding the certificate
/// and its key (PKCS#8, PKCS#1, or PKCS#8 encrypted with the password). PEM needs PowerShell 7.
/// </summary>
internal static class CertificateFiles
{
    internal static CertificateCredential Load(string? path, SecureString? password)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new GraphMailException(ErrorIds.CertificateFileNotFound, GraphMailErrorKind.InvalidArgument, "No certificate file was named.", "Pass the path of a .pfx or .pem file.");
        }

        var bytes = Read(path!);
        var certificate = LooksLikePem(bytes) ? Pem.Load(path!, Encoding.UTF8.GetString(bytes), password) : Pfx(path!, bytes, password);
        return CertificateChecks.Loaded(certificate, $"The certificate in '{path}'");
    }

    private static byte[] Read(string path)
    {
        // Never opened unless it is a regular file: a FIFO would block the read until a writer came, and a folder is
        // not "access denied".
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Directory)
        {
            throw new GraphMailException(ErrorIds.CertificateFileNotFound, GraphMailErrorKind.InvalidArgument,
                $"'{path}' is a folder, not a certificate file.", "Pass the path of the .pfx or .pem file itself.");
        }

        if (kind is FileKind.Special or FileKind.Pseudo)
        {
            throw Unreadable(path, $"it is {FileKinds.Describe(kind)}", null);
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new GraphMailException(ErrorIds.CertificateFileNotFound, GraphMailErrorKind.ObjectNotFound,
                $"There is no certificate file at '{path}'.", "Check the path; a relative path is resolved from the current directory.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SecurityException)
        {
            throw Unreadable(path, "it cannot be read (" + e.Message + ")", e);
        }
    }

    private static bool LooksLikePem(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return head.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;
    }

    private static X509Certificate2 Pfx(string path, byte[] bytes, SecureString? password)
    {
        var contentType = ContentType(bytes);
        if (contentType == X509ContentType.Cert)
        {
            throw new GraphMailException(ErrorIds.CertificateWithoutPrivateKey, GraphMailErrorKind.InvalidArgument,
                $"'{path}' holds only a public certificate (.cer), without the private key GraphMail signs with.",
                "Pass the .pfx exported with its private key (Export-PfxCertificate), or a PEM file with the certificate and its key.");
        }

        if (contentType != X509ContentType.Pkcs12)
        {
            throw Unreadable(path, "it is neither a PFX (PKCS#12) nor a PEM file", null);
        }

        CryptographicException? last = null;
        foreach (var flags in KeyStorage.Candidates())
        {
            try
            {
                return new X509Certificate2(bytes, password, flags);
            }
            catch (CryptographicException e)
            {
                last = e;
            }
        }

        throw new GraphMailException(ErrorIds.CertificatePasswordIncorrect, GraphMailErrorKind.InvalidArgument,
            password is null or { Length: 0 }
                ? $"The PFX file '{path}' cannot be opened without a password."
                : $"The PFX file '{path}' cannot be opened with the password given: the password is wrong, or the file is damaged.",
            "Pass the PFX's password with -CertificatePassword (Read-Host -AsSecureString, or a secret from a vault).",
            last);
    }

    private static X509ContentType ContentType(byte[] bytes)
    {
        try
        {
            return X509Certificate2.GetCertContentType(bytes);
        }
        catch (CryptographicException)
        {
            return X509ContentType.Unknown;
        }
    }

    internal static GraphMailException Unreadable(string path, string why, Exception? inner) =>
        new(ErrorIds.CertificateFileUnreadable, GraphMailErrorKind.InvalidData,
            $"The certificate file '{path}' cannot be used: {why}.",
            "Pass a .pfx file with its private key, or (PowerShell 7) a .pem file holding the certificate and its private key.",
            inner);
}
