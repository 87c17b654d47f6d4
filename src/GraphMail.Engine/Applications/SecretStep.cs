using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using Microsoft.Graph.Models;

namespace GraphMail.Engine.Applications;

/// <summary>
/// -ClientSecret: a secret from addPassword, returned once as a SecureString with its expiry. A working secret GraphMail
/// added earlier is kept (its value was shown when it was made) unless -RotateCredential asks for a new one.
/// </summary>
internal static class SecretStep
{
    internal const string SecretName = "GraphMail";
    private const string Step = "ClientSecret";

    internal static async Task<ConnectionRequest?> EnsureAsync(RegistrationRun run, Application app, CancellationToken cancellationToken)
    {
        run.Result.CredentialType = "ClientSecret";
        var now = DateTimeOffset.UtcNow;
        var kept = (app.PasswordCredentials ?? []).Where(p => p.DisplayName == SecretName && (p.EndDateTime is null || p.EndDateTime > now))
            .OrderByDescending(p => p.EndDateTime).FirstOrDefault();
        if (kept is not null && !run.Request.RotateCredential)
        {
            run.Result.CredentialExpiresOn = kept.EndDateTime;
            run.Step(Step, ApplicationStepStatus.Found,
                $"Kept GraphMail's secret '{kept.Hint}…' (expires {kept.EndDateTime:yyyy-MM-dd}); its value was shown once, when it was made. Add -RotateCredential for a new one.");
            return null;
        }

        if (!run.Approve(Step, $"Add a client secret valid for {run.Request.CredentialLifetime.TotalDays:0} days"))
        {
            return null;
        }

        var added = await run.Directory.AddPasswordAsync(app.Id!, new PasswordCredential
        {
            DisplayName = SecretName,
            EndDateTime = now + run.Request.CredentialLifetime,
        }, cancellationToken).ConfigureAwait(false);
        var secret = SecureStrings.From(added.SecretText ?? string.Empty);
        added.SecretText = null;
        run.Result.ClientSecret = secret;
        run.Result.CredentialExpiresOn = added.EndDateTime;
        run.Step(Step, ApplicationStepStatus.Created,
            $"Client secret '{added.Hint}…' added, expires {added.EndDateTime:yyyy-MM-dd}: it is in this object's ClientSecret, once; Entra ID never shows it again.");
        return SignIn(run, new ClientSecretCredential(secret));
    }

    internal static ConnectionRequest SignIn(RegistrationRun run, AppCredential credential) => new()
    {
        TenantId = run.Admin.Info.TenantId.ToString(),
        ClientId = run.Result.ClientId,
        Credential = credential,
        Environment = run.Admin.Cloud.Name,
        Sandbox = run.Admin.Sandbox,
    };
}
