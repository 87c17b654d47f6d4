using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Setup.Exchange;

/// <summary>
/// What ExchangeOnlineManagement, connected in the same PowerShell session, says about the app's mailbox access.
/// Gathered on the pipeline thread by the cmdlet before the engine runs; the engine only reads it.
/// </summary>
public sealed class ExchangeView
{
    private readonly IReadOnlyList<MailboxExchangeView> _mailboxes;

    private ExchangeView(string? notConnectedReason, Guid? tenantId, IReadOnlyList<MailboxExchangeView> mailboxes)
    {
        NotConnectedReason = notConnectedReason;
        TenantId = tenantId;
        _mailboxes = mailboxes;
    }

    /// <summary>Null when connected; otherwise why Exchange Online's view is missing.</summary>
    public string? NotConnectedReason { get; }

    /// <summary>The tenant Exchange Online PowerShell is connected to, when it says.</summary>
    public Guid? TenantId { get; }

    public bool IsConnected => NotConnectedReason is null;

    public static ExchangeView NotConnected(string reason) => new(reason, null, Array.Empty<MailboxExchangeView>());

    public static ExchangeView Connected(Guid? tenantId, IReadOnlyList<MailboxExchangeView> mailboxes) => new(null, tenantId, mailboxes);

    public MailboxExchangeView? For(string mailbox) =>
        _mailboxes.FirstOrDefault(m => string.Equals(m.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase));

    /// <summary>The view for the tested tenant only: a session connected to another tenant says nothing about this one.</summary>
    internal ExchangeView For(Guid? testedTenant) =>
        IsConnected && TenantId is { } connected && testedTenant is { } tested && connected != tested
            ? NotConnected($"Exchange Online PowerShell is connected to tenant {connected}, not {tested}")
            : this;
}
