using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Engine.Connections.Certificates;

/// <summary>
/// Finds a certificate by thumbprint in CurrentUser\My, then LocalMachine\My. A store this system does not have
/// (LocalMachine\My on Linux, a store never created) is skipped, and the error says which stores were searched.
/// </summary>
internal static class CertificateStores
{
    internal static readonly StoreLocation[] SearchOrder = { StoreLocation.CurrentUser, StoreLocation.LocalMachine };

    internal static CertificateCredential FindByThumbprint(string? thumbprint) => FindByThumbprint(thumbprint, SearchOrder);

    internal static CertificateCredential FindByThumbprint(string? thumbprint, IReadOnlyList<StoreLocation> locations)
    {
        var wanted = Thumbprint.Normalize(thumbprint);
        var searched = new List<string>();
        var missing = new List<string>();
        foreach (var location in locations)
        {
            var name = location + "\\My";
            if (!TryFind(location, wanted, out var certificate))
            {
                missing.Add(name);
                continue;
            }

            searched.Add(name);
            if (certificate is not null)
            {
                return CertificateChecks.Loaded(certificate, $"Certificate {wanted} in {name}");
            }
        }

        throw new GraphMailException(ErrorIds.CertificateNotFound, GraphMailErrorKind.ObjectNotFound,
            $"No certificate with thumbprint {wanted} is in {(searched.Count == 0 ? "any certificate store" : string.Join(" or ", searched))}" +
            (missing.Count == 0 ? "." : $" ({string.Join(" and ", missing)} {(missing.Count == 1 ? "does" : "do")} not exist on this system)."),
            "Import the PFX into CurrentUser\\My (Import-PfxCertificate -CertStoreLocation Cert:\\CurrentUser\\My), or pass the file with -CertificatePath (the usual way on Linux and macOS).");
    }

    /// <returns>False when the store does not exist here; otherwise true, with the certificate or null.</returns>
    private static bool TryFind(StoreLocation location, string thumbprint, out X509Certificate2? found)
    {
        found = null;
        X509Certificate2Collection all;
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            all = store.Certificates;
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            return false;
        }

        foreach (var certificate in all)
        {
            if (found is null && string.Equals(certificate.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))
            {
                found = certificate;
            }
            else
            {
                certificate.Dispose();
            }
        }

        return true;
    }
}
