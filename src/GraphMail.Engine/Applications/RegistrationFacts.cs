using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Admin;

namespace GraphMail.Engine.Applications;

/// <summary>One credential of an app registration: a secret (by its hint) or a certificate (by its thumbprint), and its end.</summary>
internal sealed class CredentialFact
{
    internal CredentialFact(string kind, string name, DateTimeOffset? endDateTime)
    {
        Kind = kind;
        Name = name;
        EndDateTime = endDateTime;
    }

    internal string Kind { get; }

    internal string Name { get; }

    internal DateTimeOffset? EndDateTime { get; }
}

/// <summary>What the directory says about an app in the admin's tenant: its registration, service principal, Mail.Send grant, credentials.</summary>
internal sealed class RegistrationFacts
{
    internal string? DisplayName { get; set; }

    /// <summary>False for an app registered in another tenant (a vendor's multi-tenant app): only its service principal is here.</summary>
    internal bool RegisteredHere { get; set; }

    internal string? ServicePrincipalId { get; set; }

    /// <summary>The app role assignment that grants Microsoft Graph Mail.Send, when there is one.</summary>
    internal string? MailSendAssignmentId { get; set; }

    internal DateTimeOffset? MailSendGrantedAt { get; set; }

    internal IReadOnlyList<CredentialFact> Credentials { get; set; } = [];

    /// <summary>Reads the app by client ID with the admin's sign-in.</summary>
    internal static async Task<RegistrationFacts> ReadAsync(AdminConnection admin, string clientId, CancellationToken cancellationToken)
    {
        var directory = new DirectoryClient(admin);
        var app = await directory.FindApplicationByAppIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        var principal = await directory.FindServicePrincipalAsync(clientId, cancellationToken).ConfigureAwait(false);
        Microsoft.Graph.Models.AppRoleAssignment? mailSend = null;
        if (principal is not null)
        {
            var graph = await directory.MicrosoftGraphAsync(cancellationToken).ConfigureAwait(false);
            var roleId = graph.AppRoles?.FirstOrDefault(r => r.Value == ApplicationShape.MailSend)?.Id;
            mailSend = (await directory.AppRoleAssignmentsAsync(principal.Id!, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(a => a.ResourceId?.ToString() == graph.Id && a.AppRoleId == roleId);
        }

        return new RegistrationFacts
        {
            DisplayName = app?.DisplayName ?? principal?.DisplayName,
            RegisteredHere = app is not null,
            ServicePrincipalId = principal?.Id,
            MailSendAssignmentId = mailSend?.Id,
            MailSendGrantedAt = mailSend?.CreatedDateTime,
            Credentials = app is null
                ? []
                : (app.PasswordCredentials ?? []).Select(p => new CredentialFact("client secret", "'" + p.Hint + "…'", p.EndDateTime))
                    .Concat((app.KeyCredentials ?? []).Select(k => new CredentialFact("certificate",
                        k.CustomKeyIdentifier is { Length: 20 } hash ? BitConverter.ToString(hash).Replace("-", string.Empty) : k.DisplayName ?? "(unnamed)", k.EndDateTime)))
                    .ToList(),
        };
    }
}
