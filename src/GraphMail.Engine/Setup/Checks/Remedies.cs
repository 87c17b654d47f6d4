using System.Text.RegularExpressions;
using GraphMail.Engine.Consent.ManagedIdentity;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>The exact GraphMail commands a failed check points to, with the run's own values filled in.</summary>
internal static class Remedies
{
    private static readonly Regex Plain = new("^[A-Za-z0-9.@_-]+$");

    internal const string RemoveEntraMailSend =
        "Entra ID > Enterprise applications > the app > Permissions: revoke Microsoft Graph Mail.Send (or Remove-MgServicePrincipalAppRoleAssignment), and keep the Exchange role 'Application Mail.Send'.";

    /// <summary>Get-GraphMailConsentUrl for this app and tenant, or the managed-identity form.</summary>
    internal static string Consent(SetupSubject subject)
    {
        var cloud = subject.Environment == GraphMailEnvironment.Global ? string.Empty : " -Environment " + subject.Environment;
        if (subject.IsManagedIdentity)
        {
            var identity = subject.ClientId.Length > 0 ? Argument(subject.ClientId) : "'<the managed identity's client ID or display name>'";
            return $"Get-GraphMailConsentUrl -ManagedIdentity {identity}{cloud}, then run the commands it writes as an administrator.";
        }

        var tenant = subject.Tenant.Length > 0 ? subject.Tenant : subject.TenantId;
        return $"Get-GraphMailConsentUrl -ClientId {Argument(subject.ClientId)} -Tenant {Argument(tenant)}{cloud}, " +
               "open the link as a Global or Privileged Role Administrator and accept; new permissions reach tokens within minutes.";
    }

    /// <summary>New-GraphMailMailboxScope for this app and its designated mailbox (RBAC for Applications by default).</summary>
    internal static string Scope(SetupSubject subject, string mailbox)
    {
        var objectId = subject.ServicePrincipalObjectId.Length > 0 ? subject.ServicePrincipalObjectId : "<the enterprise application's object ID>";
        return $"New-GraphMailMailboxScope -ClientId {Argument(subject.ClientId)} -Mailbox {Argument(mailbox)} -ServicePrincipalObjectId {Argument(objectId)}" +
               " (Exchange RBAC for Applications; with ExchangeOnlineManagement connected it runs the commands, otherwise it writes them)," +
               " or add -Legacy for an application access policy as older vendor guides do.";
    }

    /// <summary>A value as a PowerShell argument: bare when it is plainly safe, quoted otherwise.</summary>
    internal static string Argument(string value) => Plain.IsMatch(value) ? value : PowerShellQuoting.Literal(value);
}
