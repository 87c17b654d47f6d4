using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections.Certificates;

namespace GraphMail.Engine.Connections;

/// <summary>How the app proves who it is. Never prints what it holds.</summary>
public abstract class AppCredential
{
    private protected AppCredential()
    {
    }

    public abstract CredentialKind Kind { get; }

    public override string ToString() => Kind.ToString();
}

/// <summary>A client secret, kept as a SecureString until MSAL's builder needs it.</summary>
public sealed class ClientSecretCredential : AppCredential
{
    public ClientSecretCredential(SecureString secret)
    {
        Secret = secret ?? throw new ArgumentNullException(nameof(secret));
    }

    public override CredentialKind Kind => CredentialKind.ClientSecret;

    internal SecureString Secret { get; }
}

/// <summary>A certificate with its private key, whose public part is registered on the app.</summary>
public sealed class CertificateCredential : AppCredential
{
    public CertificateCredential(X509Certificate2 certificate)
        : this(certificate, ownsCertificate: false)
    {
    }

    /// <param name="ownsCertificate">True when GraphMail loaded it (store, file) and disposes it with the connection.</param>
    internal CertificateCredential(X509Certificate2 certificate, bool ownsCertificate)
    {
        Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
        OwnsCertificate = ownsCertificate;
    }

    public override CredentialKind Kind => CredentialKind.Certificate;

    public X509Certificate2 Certificate { get; }

    /// <summary>From CurrentUser\My, then LocalMachine\My (a store this system lacks is skipped).</summary>
    public static CertificateCredential FromThumbprint(string thumbprint) => CertificateStores.FindByThumbprint(thumbprint);

    /// <summary>From a PFX file, or (PowerShell 7) a PEM file with the certificate and its private key.</summary>
    public static CertificateCredential FromFile(string path, SecureString? password) => CertificateFiles.Load(path, password);

    internal bool OwnsCertificate { get; }

    public override string ToString() => "Certificate " + Certificate.Thumbprint;
}

/// <summary>The managed identity of the Azure resource this runs on: system-assigned, or user-assigned by client ID.</summary>
public sealed class ManagedIdentityCredential : AppCredential
{
    public ManagedIdentityCredential(string? userAssignedClientId = null)
    {
        UserAssignedClientId = string.IsNullOrWhiteSpace(userAssignedClientId) ? null : userAssignedClientId!.Trim();
    }

    public override CredentialKind Kind => CredentialKind.ManagedIdentity;

    public string? UserAssignedClientId { get; }

    public override string ToString() =>
        UserAssignedClientId is null ? "System-assigned managed identity" : "User-assigned managed identity " + UserAssignedClientId;
}
