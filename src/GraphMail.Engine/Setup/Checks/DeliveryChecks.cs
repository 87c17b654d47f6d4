using System;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>Information for bulk senders: whether -Delivery ExactlyOnce is available, and which Exchange sending limits apply (docs/exactly-once.md §3).</summary>
internal static class DeliveryChecks
{
    internal static SetupCheckResult ExactlyOnce(AccessTokenDetails token, ExchangeView exchange, string mailbox) =>
        LargeAttachmentsCheck.ReadWriteGrantedBy(token, exchange, mailbox) is { } grantedBy
            ? Results.Passed(SetupCheck.ExactlyOnce,
                $"Available: {grantedBy}, so Send-GraphMail -Delivery ExactlyOnce can create each message as a draft, send it, and read the mailbox back after an ambiguous answer.")
            : Results.Passed(SetupCheck.ExactlyOnce,
                "Not available: -Delivery ExactlyOnce needs Mail.ReadWrite (drafts, and reading them back). The default -Delivery AtMostOnce needs only Mail.Send, " +
                "and leaves a message Unknown after an ambiguous answer. Grant Mail.ReadWrite only if you need exactly-once delivery or large attachments.");

    internal static SetupCheckResult SendingLimits(string mailbox)
    {
        var limits = $"Exchange Online allows {SendLimits.MaxRecipients} recipients a message by default (up to {SendLimits.MaxRecipientsCeiling}) " +
                     $"and {SendLimits.MaxRecipientsPerDay:N0} recipients a day per mailbox; with -Journal, Send-GraphMail stops before the daily limit.";
        var at = mailbox.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : mailbox.Substring(at + 1);
        return domain.EndsWith(".onmicrosoft.com", StringComparison.OrdinalIgnoreCase)
            ? Results.Warning(SetupCheck.SendingLimits,
                $"The sender {mailbox} uses the tenant's {domain} domain: Exchange Online limits *.onmicrosoft.com senders to 100 external recipients a day " +
                "for the whole organisation (NDR 550 5.7.236), whatever the mailbox limits say. " + limits,
                "Send from an address in a custom domain (add and verify one in the Microsoft 365 admin center), and keep onmicrosoft.com for tests.")
            : Results.Passed(SetupCheck.SendingLimits, limits);
    }
}
