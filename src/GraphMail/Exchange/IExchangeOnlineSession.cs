using System;
using System.Collections.Generic;
using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Scoping;

namespace GraphMail.Exchange;

/// <summary>
/// ExchangeOnlineManagement in the current PowerShell session, reduced to what GraphMail asks of it, with answers
/// as plain records. Called on the pipeline thread only. Tests fake it with canned records.
/// </summary>
internal interface IExchangeOnlineSession
{
    /// <summary>Null when a Connect-ExchangeOnline session is open; otherwise why there is none.</summary>
    string? NotConnectedReason { get; }

    /// <summary>The tenant the session is connected to, when it says.</summary>
    Guid? TenantId { get; }

    /// <exception cref="ExchangeCommandException">Exchange refused or failed.</exception>
    AccessCheckResult? TestApplicationAccessPolicy(string mailbox, string appId);

    /// <exception cref="ExchangeCommandException">Exchange refused or failed (e.g. the app has no service principal in Exchange).</exception>
    IReadOnlyList<ServicePrincipalRole> TestServicePrincipalAuthorization(string appId, string mailbox);

    /// <exception cref="ExchangeCommandException">Exchange refused or failed.</exception>
    void Invoke(ExchangeCommand command);

    /// <summary>Whether the lookup's command answers with a matching object (not finding one is no error).</summary>
    /// <exception cref="ExchangeCommandException">The command itself could not run.</exception>
    bool Finds(ExchangeLookup lookup);
}

/// <summary>An Exchange Online command failed; the message is Exchange's own.</summary>
internal sealed class ExchangeCommandException : Exception
{
    internal ExchangeCommandException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
