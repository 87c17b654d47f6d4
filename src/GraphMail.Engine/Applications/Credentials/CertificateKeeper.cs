using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections.Certificates;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Engine.Applications.Credentials;

/// <summary>
/// Where an app's new certificate and private key are kept: CurrentUser\My (a store exists on every platform .NET
/// runs on; on Linux it is ~/.dotnet/corefx/cryptography/x509stores/my), or a password-protected PFX file.
/// </summary>
internal static class CertificateKeeper
{
    /// <summary>The store as users name it: the Cert: drive on Windows, the X509Store's name elsewhere (no Cert: drive there).</summary>
    internal static readonly string StoreLocationText =
        System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows) ? @"Cert:\CurrentUser\My" : @"CurrentUser\My";

    /// <summary>GraphMail's certificates for the app in CurrentUser\My, with their private keys, newest first.</summary>
    internal static IReadOnlyList<X509Certificate2> FindInStore(string displayName)
    {
        using var store = Open(OpenFlags.ReadOnly);
        return store.Certificates.Cast<X509Certificate2>()
            .Where(c => c.HasPrivateKey && CertificateMaker.IsMadeFor(c, displayName))
            .OrderByDescending(c => c.NotAfter)
            .ToList();
    }

    internal static void AddToStore(X509Certificate2 certificate)
    {
        using var store = Open(OpenFlags.ReadWrite);
        store.Add(certificate);
    }

    /// <summary>Deletes GraphMail's certificate with this thumbprint from CurrentUser\My; false when there is none (the store is then only read).</summary>
    internal static bool RemoveFromStore(string thumbprint, string displayName)
    {
        bool Ours(X509Certificate2 c) => string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase) && CertificateMaker.IsMadeFor(c, displayName);
        using (var reading = Open(OpenFlags.ReadOnly))
        {
            if (!reading.Certificates.Cast<X509Certificate2>().Any(Ours))
            {
                return false;
            }
        }

        using var store = Open(OpenFlags.ReadWrite);
        foreach (var certificate in store.Certificates.Cast<X509Certificate2>().Where(Ours).ToList())
        {
            store.Remove(certificate);
        }

        return true;
    }

    /// <summary>Writes the certificate and its key as PFX, readable by this user only where the platform allows.</summary>
    internal static void WritePfx(X509Certificate2 certificate, string path, SecureString password)
    {
        var bytes = SecureStrings.UseChars(password, chars => certificate.Export(X509ContentType.Pkcs12, new string(chars)));
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
#if NET
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
#endif
            file.Write(bytes, 0, bytes.Length);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new GraphMailException(ErrorIds.CertificateFileExists, GraphMailErrorKind.InvalidArgument,
                $"The file '{path}' already exists and holds no certificate registered on this app.", "Pass another -CertificatePath, or delete the file.", e);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    /// <summary>An existing PFX at <paramref name="path"/>, or null when there is no file.</summary>
    internal static X509Certificate2? ReadPfx(string path, SecureString? password) =>
        File.Exists(path) ? CertificateFiles.Load(path, password).Certificate : null;

    private static X509Store Open(OpenFlags flags)
    {
        var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        try
        {
            store.Open(flags);
            return store;
        }
        catch (Exception e) when (e is CryptographicException or SecurityException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            store.Dispose();
            throw new GraphMailException(ErrorIds.CertificateStoreUnavailable, GraphMailErrorKind.ResourceUnavailable,
                @"The certificate store CurrentUser\My cannot be opened here: " + e.Message,
                "Pass -CertificatePath and -CertificatePassword to keep the certificate in a PFX file instead, or add -ClientSecret.", e);
        }
    }
}
