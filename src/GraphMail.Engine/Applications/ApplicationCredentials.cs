using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Applications;

/// <summary>The credential New-GraphMailApplication's output carries, as Connect-GraphMail signs in with it.</summary>
public static class ApplicationCredentials
{
    public static AppCredential From(GraphMailApplication app) =>
        app.ClientSecret is { } secret ? new ClientSecretCredential(secret)
        : app.CertificatePath is { } path ? CertificateCredential.FromFile(path, app.CertificatePassword)
        : app.CertificateThumbprint is { } thumbprint ? CertificateCredential.FromThumbprint(thumbprint)
        : throw new GraphMailException(ErrorIds.CredentialMissing, GraphMailErrorKind.InvalidArgument,
            $"The app object for '{app.DisplayName}' carries no credential GraphMail can sign in with: a client secret is shown only once, when it is made.",
            $"Connect with -ClientId {app.ClientId} -TenantId {app.TenantId} and the secret you saved, or run New-GraphMailApplication -DisplayName '{app.DisplayName}' -ClientSecret -RotateCredential for a new one.");
}
