using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Connections;

/// <summary>What a fresh connection's token already tells about setup problems, as warnings Connect-GraphMail shows.</summary>
public static class ConnectionAdvice
{
    public const string MailSend = "Mail.Send";

    public static IReadOnlyList<string> Warnings(ConnectionInfo info)
    {
        if (info is null)
        {
            throw new ArgumentNullException(nameof(info));
        }

        var roles = info.Roles;
        if (roles.Any(r => r.Equals(MailSend, StringComparison.OrdinalIgnoreCase)))
        {
            return Array.Empty<string>();
        }

        var grant = info.CredentialKind == CredentialKind.ManagedIdentity
            ? "assign the Mail.Send app role of Microsoft Graph to the managed identity (see Get-Help about_GraphMail_Authentication)"
            : $"grant admin consent for Mail.Send: Get-GraphMailConsentUrl -TenantId {info.TenantDomain ?? info.TenantId.ToString()} -ClientId {info.ClientId}";
        return new[]
        {
            roles.Length == 0
                ? $"Connected, but the token holds no application permissions: sending will fail until you {grant}. New permissions reach tokens within minutes; reconnect after granting."
                : $"Connected, but the token lacks Mail.Send (it has {string.Join(", ", roles)}): sending will fail until you {grant}.",
        };
    }
}
