using System;
using System.Globalization;
using System.Text;

namespace GraphMail.Engine.Consent.ManagedIdentity;

/// <summary>
/// Managed identities get no consent link: their app roles are assigned by an administrator. This writes the
/// Microsoft Graph PowerShell commands that give one the Mail.Send application permission.
/// </summary>
public static class ManagedIdentityConsent
{
    /// <summary>Microsoft Graph's application ID, the same in every tenant and cloud.</summary>
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    /// <summary>The Mail.Send application permission (app role) of Microsoft Graph ("Send mail as any user").</summary>
    public const string MailSendAppRoleId = "b633e1c5-b582-4048-a93e-9f11b44c7e96";

    private const int MaxDisplayNameLength = 256;

    /// <param name="managedIdentity">The managed identity's client (application) ID, its service-principal object ID, or its display name.</param>
    public static ManagedIdentityConsentScript Create(string? managedIdentity, GraphMailEnvironment environment)
    {
        var name = managedIdentity ?? string.Empty;
        var script = new StringBuilder()
            .AppendLine("# Gives a managed identity the Microsoft Graph application permission Mail.Send. Managed identities have no")
            .AppendLine("# consent link: run this as a Privileged Role Administrator or Global Administrator of the identity's tenant.")
            .AppendLine($"Connect-MgGraph -Environment {ConnectMgGraphEnvironment(environment)} -Scopes 'AppRoleAssignment.ReadWrite.All', 'Application.Read.All'")
            .AppendLine($"$graph = Get-MgServicePrincipal -Filter \"appId eq '{GraphAppId}'\"");
        if (Guid.TryParseExact(name.Trim(), "D", out var id))
        {
            // A client ID and an object ID never coincide: look the GUID up as the one, then as the other.
            script
                .AppendLine($"$identity = Get-MgServicePrincipal -Filter \"appId eq '{id:D}'\"")
                .AppendLine($"if (-not $identity) {{ $identity = Get-MgServicePrincipal -ServicePrincipalId '{id:D}' }}");
        }
        else
        {
            CheckDisplayName(name);
            script
                .AppendLine("$identityName = " + PowerShellQuoting.SingleQuoted(name))
                .AppendLine("$found = @(Get-MgServicePrincipal -Filter \"displayName eq '$($identityName.Replace(\"'\", \"''\"))'\")")
                .AppendLine("if ($found.Count -ne 1) { throw \"Expected one service principal named '$identityName', found $($found.Count); pass its object ID instead.\" }")
                .AppendLine("$identity = $found[0]");
        }

        script.AppendLine($"New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $identity.Id -PrincipalId $identity.Id -ResourceId $graph.Id -AppRoleId '{MailSendAppRoleId}'");
        return new ManagedIdentityConsentScript(name, environment, "Mail.Send", MailSendAppRoleId, script.ToString().Replace("\r\n", "\n"));
    }

    /// <summary>Connect-MgGraph's -Environment names (Get-MgEnvironment), spelled out so a rename of ours cannot change them.</summary>
    private static string ConnectMgGraphEnvironment(GraphMailEnvironment environment) => environment switch
    {
        GraphMailEnvironment.Global => "Global",
        GraphMailEnvironment.USGov => "USGov",
        GraphMailEnvironment.USGovDoD => "USGovDoD",
        GraphMailEnvironment.China => "China",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown cloud."),
    };

    private static void CheckDisplayName(string name)
    {
        string? why = name.Trim().Length == 0 ? "it is empty"
            : name.Length > MaxDisplayNameLength ? $"it has {name.Length} characters; a display name has at most {MaxDisplayNameLength}"
            : FirstLineBreaking(name) is { } c ? $"it contains the character U+{(int)c:X4}; a display name is one line of printable text"
            : null;
        if (why is not null)
        {
            throw new GraphMailException(
                ErrorIds.InvalidManagedIdentity, GraphMailErrorKind.InvalidArgument,
                $"ManagedIdentity '{Links.ConsentInputRules.Printable(name)}' cannot be used: {why}.",
                "Pass the managed identity's client ID or object (principal) ID from its Identity blade, or its exact display name.");
        }
    }

    private static char? FirstLineBreaking(string name)
    {
        foreach (var c in name)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return c;
            }
        }

        return null;
    }
}
