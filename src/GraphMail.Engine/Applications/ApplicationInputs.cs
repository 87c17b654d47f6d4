using System;

namespace GraphMail.Engine.Applications;

/// <summary>New-GraphMailApplication's inputs, checked before any network call.</summary>
internal static class ApplicationInputs
{
    private const int MaxNameLength = 120;
    private static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(730);

    internal static void Check(ApplicationRequest request)
    {
        var name = request.DisplayName;
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Trim() != name)
        {
            throw new GraphMailException(ErrorIds.InvalidApplicationName, GraphMailErrorKind.InvalidArgument,
                $"'{name}' cannot be an app's display name: it must be 1 to {MaxNameLength} characters, without leading or trailing spaces.",
                "Pass a name such as 'Contoso mail sender' to -DisplayName.");
        }

        if (request.RedirectUri is { } redirect &&
            (!Uri.TryCreate(redirect, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) || uri.Fragment.Length > 0))
        {
            throw new GraphMailException(ErrorIds.InvalidRedirectUri, GraphMailErrorKind.InvalidArgument,
                $"'{redirect}' cannot be a redirect URI: Entra ID takes an absolute https URL without a fragment (http only for localhost).",
                "Pass the address the vendor's consent flow returns to, such as https://vendor.example/consent.");
        }

        if (request.CredentialLifetime <= TimeSpan.Zero || request.CredentialLifetime > LongestLifetime)
        {
            throw new GraphMailException(ErrorIds.InvalidCredentialLifetime, GraphMailErrorKind.InvalidArgument,
                $"{request.CredentialLifetime.TotalDays:0} days is not a credential lifetime Entra ID accepts.", "Pass -CredentialLifetimeDays between 1 and 730.");
        }

        if (request.CertificatePath is { } path && request.CertificatePassword is null)
        {
            throw new GraphMailException(ErrorIds.CertificatePasswordRequired, GraphMailErrorKind.InvalidArgument,
                $"-CertificatePath '{path}' needs -CertificatePassword: the PFX holds the app's private key.",
                "Add -CertificatePassword (Read-Host -AsSecureString), or leave out -CertificatePath to keep the key in CurrentUser\\My.");
        }
    }
}
