using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Applications;
using GraphMail.Engine.Connections.Admin;
using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>
/// With an administrator signed in (Connect-GraphMailAdmin), the app as the directory holds it: its service principal,
/// the Mail.Send app role assignment (admin consent), its credentials' expiry, and a tenant-wide Mail.Send grant beside
/// an Exchange RBAC scope (Microsoft: RBAC for Applications grants are independent of the unscoped Entra grant, so the
/// Entra consent must go before the scope restricts anything). Without an admin it is skipped: it is optional.
/// </summary>
internal static class RegistrationCheck
{
    private static readonly TimeSpan Soon = TimeSpan.FromDays(30);

    internal static async Task RunAsync(CheckList checks, SetupSubject subject, AdminConnection? admin, ExchangeView exchange, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (subject.IsManagedIdentity || subject.ClientId.Length == 0)
        {
            checks.Skip(SetupCheck.Registration, "A managed identity has no app registration: its Mail.Send grant is checked under Permissions.");
            return;
        }

        if (admin is null || (Guid.TryParse(subject.TenantId, out var tenant) && tenant != admin.Info.TenantId))
        {
            checks.Skip(SetupCheck.Registration,
                $"Optional: Connect-GraphMailAdmin -TenantId {Remedies.Argument(subject.Tenant.Length > 0 ? subject.Tenant : subject.TenantId)} lets this check read the app's consent and credentials in the directory.");
            return;
        }

        RegistrationFacts facts;
        try
        {
            facts = await RegistrationFacts.ReadAsync(admin, subject.ClientId, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphMailException e)
        {
            checks.Add(Results.Warning(SetupCheck.Registration, "The directory could not be read with the admin's sign-in: " + e.Cause, e.Fix));
            return;
        }

        checks.Add(Evaluate(facts, subject, exchange, now));
    }

    internal static SetupCheckResult Evaluate(RegistrationFacts facts, SetupSubject subject, ExchangeView exchange, DateTimeOffset now)
    {
        var app = $"app {subject.ClientId}" + (facts.DisplayName is { } name ? $" ('{name}')" : string.Empty);
        var rerun = facts.RegisteredHere && facts.DisplayName is { } display ? $"New-GraphMailApplication -DisplayName {Remedies.Argument(display)}" : null;
        if (facts.ServicePrincipalId is null)
        {
            return Results.Failed(SetupCheck.Registration, $"The {app} has no service principal (enterprise application) in this tenant: nobody has consented to it here.",
                rerun is null ? Remedies.Consent(subject) : rerun + " (it creates the service principal and grants Mail.Send).");
        }

        // No Entra consent is right for an app scoped with Exchange RBAC for Applications (the two grants add up, so a
        // scope needs the tenant-wide consent gone): only Exchange's view, or Graph's answer to the probes, tells.
        var rbacGrantsMailSend = exchange.IsConnected &&
                                 subject.Mailbox.Length > 0 && exchange.For(subject.Mailbox)?.Roles.Any(r => r.Is(ServicePrincipalRole.MailSend)) == true;
        if (facts.MailSendAssignmentId is null && !rbacGrantsMailSend)
        {
            var grant = rerun is null ? Remedies.Consent(subject) : rerun + " (it grants the missing consent).";
            return exchange.IsConnected && subject.Mailbox.Length > 0
                ? Results.Failed(SetupCheck.Registration,
                    $"Admin consent is missing: the {app}'s service principal {facts.ServicePrincipalId} holds no Microsoft Graph Mail.Send app role assignment, and Exchange Online shows no RBAC for Applications role that grants Mail.Send for {subject.Mailbox}.",
                    grant)
                : Results.Warning(SetupCheck.Registration,
                    $"Admin consent is missing: the {app}'s service principal {facts.ServicePrincipalId} holds no Microsoft Graph Mail.Send app role assignment. That is right only when an Exchange RBAC for Applications role grants Mail.Send instead; the Permissions and SenderAccess checks show whether Graph lets the app send.",
                    "If no Exchange RBAC role is meant to grant Mail.Send: " + grant);
        }

        var rotate = rerun is null ? "Ask the app's owner for a new credential." : rerun + " -RotateCredential (add -ClientSecret for a secret).";
        if (facts.RegisteredHere && facts.Credentials.Count > 0 && facts.Credentials.All(c => c.EndDateTime is { } end && end <= now))
        {
            var last = facts.Credentials.OrderByDescending(c => c.EndDateTime).First();
            return Results.Failed(SetupCheck.Registration, $"Every credential of the {app} has expired; the last, {last.Kind} {last.Name}, on {last.EndDateTime:yyyy-MM-dd}.", rotate);
        }

        if (facts.MailSendAssignmentId is not null && rbacGrantsMailSend)
        {
            return Results.Warning(SetupCheck.Registration,
                $"The {app} holds a tenant-wide Microsoft Graph Mail.Send grant (admin consent) beside an Exchange RBAC for Applications role: the two are independent, so the scope restricts nothing until the Entra grant is removed.",
                $"Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId {facts.ServicePrincipalId} -AppRoleAssignmentId {facts.MailSendAssignmentId} (keep the Exchange role 'Application Mail.Send').");
        }

        var expiring = facts.Credentials.Where(c => c.EndDateTime is { } end && end > now && end - now < Soon).OrderBy(c => c.EndDateTime).FirstOrDefault();
        if (expiring is not null && !facts.Credentials.Any(c => c.EndDateTime is null || c.EndDateTime - now >= Soon))
        {
            return Results.Warning(SetupCheck.Registration, $"The {app}'s {expiring.Kind} {expiring.Name} expires on {expiring.EndDateTime:yyyy-MM-dd}, and no credential lasts longer.", rotate);
        }

        var until = facts.Credentials.Where(c => c.EndDateTime is not null).Select(c => c.EndDateTime).DefaultIfEmpty().Max();
        return Results.Passed(SetupCheck.Registration,
            $"The {app} has its service principal {facts.ServicePrincipalId} and " +
            (facts.MailSendAssignmentId is null
                ? $"no tenant-wide consent: Exchange RBAC for Applications grants Mail.Send for {subject.Mailbox}, as a mailbox scope needs"
                : "Mail.Send admin consent" + (facts.MailSendGrantedAt is { } granted ? $" (granted {granted:yyyy-MM-dd})" : string.Empty)) +
            (until is { } last2 ? $"; its credentials work until {last2:yyyy-MM-dd}." : "."));
    }
}
