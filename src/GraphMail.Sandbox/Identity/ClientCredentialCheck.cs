using System;
using System.Linq;
using GraphMail.Sandbox.Applications;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Identity;

/// <summary>Outcome of checking a client credential: the appidacr to put in the token, or the error to answer.</summary>
internal sealed record CredentialResult(string? AppIdAcr, SandboxResponse? Error)
{
    internal static CredentialResult Secret { get; } = new("1", null);

    internal static CredentialResult Certificate { get; } = new("2", null);

    internal static CredentialResult Fail(SandboxResponse error) => new(null, error);
}

internal static class ClientSecretCheck
{
    /// <summary>A secret added moments ago is not known yet: it fails as a wrong one does until it has replicated.</summary>
    internal static CredentialResult Check(SandboxRequest request, SignInClient application, string secret, DateTimeOffset now)
    {
        var clientId = application.AppId;
        var match = application.Secrets.FirstOrDefault(s => s.SecretText == secret);
        if (match is null)
        {
            return CredentialResult.Fail(AadErrors.Create(request, 401, "invalid_client", 7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, " +
                $"not the client secret ID, for a secret added to app '{clientId}'."));
        }

        if (match.EndDateTime is { } end && end <= now)
        {
            return CredentialResult.Fail(AadErrors.Create(request, 401, "invalid_client", 7000222,
                $"The provided client secret keys for app '{clientId}' are expired. Visit the Azure portal to create new keys for your app: " +
                "https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds."));
        }

        return CredentialResult.Secret;
    }
}
