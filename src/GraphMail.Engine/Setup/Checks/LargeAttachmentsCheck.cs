using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>Information only: attachments over about 3 MB go through a draft and upload sessions, which need Mail.ReadWrite.</summary>
internal static class LargeAttachmentsCheck
{
    internal static SetupCheckResult Evaluate(AccessTokenDetails token, ExchangeView exchange, string mailbox)
    {
        if (ReadWriteGrantedBy(token, exchange, mailbox) is { } grantedBy)
        {
            return Results.Passed(SetupCheck.LargeAttachments,
                $"Available: {grantedBy}, so attachments over about 3 MB are sent through a draft and upload sessions (up to 150 MB, within the mailbox's size limit).");
        }

        return Results.Passed(SetupCheck.LargeAttachments,
            "Not available, by least privilege: without Mail.ReadWrite a message's attachments must stay under about 3 MB in total. " +
            "Grant Mail.ReadWrite only if you send larger files.");
    }

    /// <summary>What grants Mail.ReadWrite on the mailbox (the token, or Exchange RBAC for Applications); null when nothing does.</summary>
    internal static string? ReadWriteGrantedBy(AccessTokenDetails token, ExchangeView exchange, string mailbox)
    {
        if (PermissionsCheck.Has(token.Roles, PermissionsCheck.MailReadWrite))
        {
            return "the token carries Mail.ReadWrite";
        }

        return mailbox.Length > 0 && exchange.For(mailbox)?.RoleGrants(ServicePrincipalRole.MailReadWrite) == true
            ? $"Exchange RBAC for Applications grants Application Mail.ReadWrite for {mailbox}"
            : null;
    }
}
