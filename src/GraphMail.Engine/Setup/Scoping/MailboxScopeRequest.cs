using System.Collections.Generic;

namespace GraphMail.Engine.Setup.Scoping;

/// <summary>What New-GraphMailMailboxScope was told.</summary>
public sealed class MailboxScopeRequest
{
    /// <summary>The app's Application (client) ID.</summary>
    public string? ClientId { get; set; }

    /// <summary>The mailboxes the app may send as; every other mailbox is out of its reach.</summary>
    public IReadOnlyList<string>? Mailboxes { get; set; }

    /// <summary>RBAC for Applications: the enterprise application's (service principal's) object ID, not the app ID.</summary>
    public string? ServicePrincipalObjectId { get; set; }

    /// <summary>The legacy way: a mail-enabled security group and an application access policy.</summary>
    public bool Legacy { get; set; }

    /// <summary>RBAC: the service principal's display name in Exchange (default: "GraphMail {client ID}").</summary>
    public string? DisplayName { get; set; }

    /// <summary>RBAC: the management scope's name (default: "GraphMail {client ID}").</summary>
    public string? ScopeName { get; set; }

    /// <summary>Legacy: the mail-enabled security group's name (default: "GraphMail senders {client ID}").</summary>
    public string? GroupName { get; set; }

    /// <summary>Legacy: the policy's description.</summary>
    public string? Description { get; set; }

    /// <summary>The runspace's GraphMail connection, if any: when it is this app's, its token shows the app's Entra ID grants.</summary>
    public ConnectionInfo? Connection { get; set; }
}
