using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Admin;
using Microsoft.Graph.Models;

namespace GraphMail.Engine.Applications;

/// <summary>
/// New-GraphMailApplication's engine: the app registration (Mail.Send by its value on Microsoft Graph's service
/// principal), its service principal, admin consent by app role assignment, a credential, and the wait until Entra ID
/// accepts it. Every step first looks up what exists, so running it again completes what is missing.
/// </summary>
public static class ApplicationRegistrar
{
    public static async Task<GraphMailApplication> RegisterAsync(AdminConnection admin, ApplicationRequest request, CancellationToken cancellationToken)
    {
        ApplicationInputs.Check(request);
        var run = new RegistrationRun(admin, request);
        var directory = run.Directory;

        request.Status($"Looking up app '{request.DisplayName}'");
        var found = await directory.FindApplicationsByNameAsync(request.DisplayName, cancellationToken).ConfigureAwait(false);
        if (found.Count > 1)
        {
            throw new GraphMailException(ErrorIds.ApplicationNameAmbiguous, GraphMailErrorKind.InvalidArgument,
                $"{found.Count} app registrations are named '{request.DisplayName}' (client IDs {string.Join(", ", found.Select(a => a.AppId))}).",
                "Rename or remove the extra ones in Entra ID > App registrations, or pick another -DisplayName.");
        }

        request.Status("Reading Microsoft Graph's application permissions");
        var graph = await directory.MicrosoftGraphAsync(cancellationToken).ConfigureAwait(false);
        var mailSend = graph.AppRoles?.FirstOrDefault(r => r.Value == ApplicationShape.MailSend && r.AllowedMemberTypes?.Contains("Application") != false)?.Id
            ?? throw new GraphMailException(ErrorIds.DirectoryRequestFailed, GraphMailErrorKind.ObjectNotFound,
                "Microsoft Graph's service principal defines no Mail.Send application permission in this tenant.", null);

        var app = await EnsureApplicationAsync(run, found.SingleOrDefault(), mailSend, cancellationToken).ConfigureAwait(false);
        if (app is null)
        {
            return run.Result;
        }

        run.Result.ClientId = app.AppId!;
        run.Result.ApplicationObjectId = app.Id!;
        run.Result.RedirectUris = (app.Web?.RedirectUris ?? []).ToList();
        var principal = await EnsureServicePrincipalAsync(run, app, cancellationToken).ConfigureAwait(false);
        if (principal is null)
        {
            return run.Result;
        }

        run.Result.ServicePrincipalObjectId = principal.Id!;
        await EnsureConsentAsync(run, principal, graph, mailSend, cancellationToken).ConfigureAwait(false);
        var signIn = request.ClientSecret
            ? await SecretStep.EnsureAsync(run, app, cancellationToken).ConfigureAwait(false)
            : await CertificateStep.EnsureAsync(run, app, cancellationToken).ConfigureAwait(false);
        await VerifyAsync(run, signIn, cancellationToken).ConfigureAwait(false);
        return run.Result;
    }

    private static async Task<Application?> EnsureApplicationAsync(RegistrationRun run, Application? existing, Guid mailSend, CancellationToken cancellationToken)
    {
        const string step = "Application";
        if (existing is null)
        {
            if (!run.Approve(step, "Register the application with the Mail.Send application permission"))
            {
                return null;
            }

            var created = await run.Directory.CreateApplicationAsync(ApplicationShape.New(run.Request, mailSend), cancellationToken).ConfigureAwait(false);
            run.Step(step, ApplicationStepStatus.Created, $"Registered with client ID {created.AppId} ({created.SignInAudience}), asking for Mail.Send.");
            run.Result.SignInAudience = created.SignInAudience ?? run.Result.SignInAudience;
            return created;
        }

        run.Result.SignInAudience = existing.SignInAudience ?? ApplicationShape.SingleTenant;
        var (changes, what) = ApplicationShape.Completion(existing, run.Request, mailSend);
        if (changes is null)
        {
            run.Step(step, ApplicationStepStatus.Found, $"Already registered with client ID {existing.AppId}.");
            return existing;
        }

        if (!run.Approve(step, "Complete the registration: " + what))
        {
            return existing;
        }

        await run.Directory.UpdateApplicationAsync(existing.Id!, changes, "complete the app registration", cancellationToken).ConfigureAwait(false);
        run.Step(step, ApplicationStepStatus.Updated, $"Client ID {existing.AppId}: {what}.");
        run.Result.SignInAudience = changes.SignInAudience ?? run.Result.SignInAudience;
        existing.Web = changes.Web ?? existing.Web;
        return existing;
    }

    private static async Task<ServicePrincipal?> EnsureServicePrincipalAsync(RegistrationRun run, Application app, CancellationToken cancellationToken)
    {
        const string step = "ServicePrincipal";
        if (await run.Directory.FindServicePrincipalAsync(app.AppId!, cancellationToken).ConfigureAwait(false) is { } found)
        {
            run.Step(step, ApplicationStepStatus.Found, $"The enterprise application exists (object ID {found.Id}).");
            return found;
        }

        if (!run.Approve(step, "Create the service principal (enterprise application)"))
        {
            return null;
        }

        var created = await run.Directory.CreateServicePrincipalAsync(app.AppId!, cancellationToken).ConfigureAwait(false);
        run.Step(step, ApplicationStepStatus.Created, $"Enterprise application created (object ID {created.Id}).");
        return created;
    }

    private static async Task EnsureConsentAsync(RegistrationRun run, ServicePrincipal principal, ServicePrincipal graph, Guid mailSend, CancellationToken cancellationToken)
    {
        const string step = "Consent";
        var granted = await run.Directory.AppRoleAssignmentsAsync(principal.Id!, cancellationToken).ConfigureAwait(false);
        if (granted.Any(a => a.ResourceId?.ToString() == graph.Id && a.AppRoleId == mailSend))
        {
            run.Step(step, ApplicationStepStatus.Found, "Admin consent for Mail.Send was already granted.");
            run.Result.Permissions = [ApplicationShape.MailSend];
            return;
        }

        if (!run.Approve(step, "Grant admin consent for Microsoft Graph Mail.Send (application permission)"))
        {
            return;
        }

        await run.Directory.GrantAsync(graph.Id!, principal.Id!, mailSend, cancellationToken).ConfigureAwait(false);
        run.Step(step, ApplicationStepStatus.Created, "Admin consent granted: Microsoft Graph Mail.Send (application permission), tenant-wide until a mailbox scope narrows it.");
        run.Result.Permissions = [ApplicationShape.MailSend];
    }

    private static async Task VerifyAsync(RegistrationRun run, Connections.ConnectionRequest? signIn, CancellationToken cancellationToken)
    {
        const string step = "SignIn";
        if (signIn is null)
        {
            return;
        }

        if (run.Request.WaitTimeout <= TimeSpan.Zero)
        {
            run.Step(step, ApplicationStepStatus.Skipped, "Not waited for (-WaitTimeoutSeconds 0): a new credential can take minutes to work.");
            return;
        }

        await CredentialWait.UntilAcceptedAsync(signIn, run.Request.WaitTimeout, run.Request.Status, cancellationToken).ConfigureAwait(false);
        run.Result.SignInVerified = true;
        run.Step(step, ApplicationStepStatus.Verified, "Entra ID accepts the credential: Connect-GraphMail can use it now.");
    }
}
