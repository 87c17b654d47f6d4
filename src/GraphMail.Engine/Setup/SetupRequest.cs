using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Engine.Setup;

/// <summary>Everything Test-GraphMailSetup was told, and what the cmdlet gathered on the pipeline thread before the run.</summary>
public sealed class SetupRequest
{
    /// <summary>Credential parameters, as Connect-GraphMail takes them; null to test <see cref="Connection"/> instead.</summary>
    public ConnectionRequest? Credentials { get; set; }

    /// <summary>The runspace's connection, used (never replaced) when no credential was given.</summary>
    public GraphMailConnection? Connection { get; set; }

    /// <summary>The designated sender; default: the connection's default sender.</summary>
    public string? Mailbox { get; set; }

    /// <summary>A mailbox the app must not reach; probed, never sent from.</summary>
    public string? OutOfScopeMailbox { get; set; }

    /// <summary>Where the verification message goes; null: no verification send.</summary>
    public string? TestRecipient { get; set; }

    /// <summary>False when the user declined the verification send (-WhatIf, or No at the prompt).</summary>
    public bool VerificationApproved { get; set; } = true;

    /// <summary>When the policy or role assignment was last changed, if the user says.</summary>
    public DateTimeOffset? PolicyChangedAt { get; set; }

    /// <summary>The session's administrator sign-in (Connect-GraphMailAdmin), for the optional Registration check; null: skipped.</summary>
    public GraphMail.Engine.Connections.Admin.AdminConnection? Admin { get; set; }

    /// <summary>Told what the run does as it goes (Test-GraphMailSetup -Verbose): never a secret or a token.</summary>
    public Action<string> Status { get; set; } = _ => { };

    /// <summary>What ExchangeOnlineManagement says, gathered by the cmdlet; null when it was not asked.</summary>
    public ExchangeView? Exchange { get; set; }

    /// <summary>The app to ask Exchange Online about before the run; null when only the token will tell (system-assigned managed identity).</summary>
    public string? ExchangeAppId =>
        Credentials is { } credentials
            ? credentials.ClientId ?? (credentials.Credential as ManagedIdentityCredential)?.UserAssignedClientId
            : Connection?.Info.ClientId;

    /// <summary>The designated and out-of-scope mailboxes' addresses, to ask Exchange Online about (unreadable ones are left to the run's checks).</summary>
    public IReadOnlyList<string> ExchangeMailboxes =>
        new[] { string.IsNullOrWhiteSpace(Mailbox) ? Credentials?.DefaultFrom ?? Connection?.Info.DefaultFrom : Mailbox, OutOfScopeMailbox }
            .Select(AddressOf)
            .Where(a => a is not null)
            .Select(a => a!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string? AddressOf(string? text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : Sending.Validation.MailAddressParser.Parse(text!, "Mailbox").Address;
        }
        catch (GraphMailException)
        {
            return null;
        }
    }
}
