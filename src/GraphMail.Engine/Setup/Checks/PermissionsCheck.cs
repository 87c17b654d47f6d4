using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Setup.Probes;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>
/// Is the token app-only, with Mail.Send and nothing broader? A token without Mail.Send may still be enough: Exchange
/// RBAC for Applications grants permissions the token does not show, so the designated mailbox's probe decides.
/// </summary>
internal static class PermissionsCheck
{
    internal const string MailSend = "Mail.Send";
    internal const string MailReadWrite = "Mail.ReadWrite";

    /// <summary>Mail permissions beyond sending, and why each is more than GraphMail needs.</summary>
    private static readonly Dictionary<string, string> Broader = new(StringComparer.OrdinalIgnoreCase)
    {
        [MailReadWrite] = "Mail.ReadWrite is only needed for attachments over about 3 MB (drafts and upload sessions) and for Send-GraphMail -Delivery ExactlyOnce; remove it if you use neither",
        ["Mail.Read"] = "Mail.Read reads every mailbox's mail, which sending never needs",
        ["Mail.ReadBasic"] = "Mail.ReadBasic reads mail, which sending never needs",
        ["Mail.ReadBasic.All"] = "Mail.ReadBasic.All reads mail, which sending never needs",
        ["MailboxSettings.Read"] = "MailboxSettings.Read reads mailbox settings, which sending never needs",
        ["MailboxSettings.ReadWrite"] = "MailboxSettings.ReadWrite changes mailbox settings, which sending never needs",
    };

    internal static bool Has(string[] roles, string role) => roles.Any(r => r.Equals(role, StringComparison.OrdinalIgnoreCase));

    internal static SetupCheckResult Evaluate(AccessTokenDetails token, ProbeResult? probe, SetupSubject subject)
    {
        if (token.IdentityType is { } type && !type.Equals("app", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Failed(SetupCheck.Permissions, $"The token is not app-only (idtyp '{type}'): GraphMail sends as the application itself.",
                "Sign in with the app's own credential (client secret, certificate or managed identity), not as a user.");
        }

        if (probe?.Verdict == ProbeVerdict.TokenRejected)
        {
            return Results.From(SetupCheck.Permissions, probe.Error!);
        }

        var roles = token.Roles;
        var held = roles.Length == 0 ? "no application permissions" : "the application permissions " + string.Join(", ", roles);
        if (!Has(roles, MailSend))
        {
            return probe?.PermissionGranted == true
                ? Results.Passed(SetupCheck.Permissions,
                    $"App-only token with {held} from Entra ID, yet Graph let a request for {probe.Mailbox} past its permission check: Exchange RBAC for Applications grants Mail.Send (the setup Microsoft recommends).")
                : Results.Failed(SetupCheck.Permissions, Missing(roles, probe), Remedies.Consent(subject), probe?.Error);
        }

        var excess = roles.Where(r => Broader.ContainsKey(r)).ToList();
        return excess.Count == 0
            ? Results.Passed(SetupCheck.Permissions, $"App-only token (idtyp app) with {held}.")
            : Results.Warning(SetupCheck.Permissions,
                $"App-only token with Mail.Send, and more than sending needs: {string.Join("; ", excess.Select(r => Broader[r]))}.",
                $"Entra ID > App registrations > the app > API permissions: remove {string.Join(", ", excess)}, then Grant admin consent (least privilege).");
    }

    private static string Missing(string[] roles, ProbeResult? probe)
    {
        var graphSays = probe?.Verdict is ProbeVerdict.NoPermissions or ProbeVerdict.MissingMailSend ? $" Graph agrees ({probe.Answer})." : string.Empty;
        var unsure = probe is null ? " (If this app gets Mail.Send from Exchange RBAC for Applications instead, pass -Mailbox so Graph can say.)" : string.Empty;
        return roles.Length == 0
            ? "The token holds no application permissions: admin consent for Mail.Send has not been given in this tenant, and no Exchange RBAC role grants it." + graphSays + unsure
            : $"The token has {string.Join(", ", roles)} but not Mail.Send, and no Exchange RBAC role grants it." + graphSays + unsure;
    }
}
