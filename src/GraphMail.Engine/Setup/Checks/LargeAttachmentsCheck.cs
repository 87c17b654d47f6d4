using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>Information only: attachments over about 3 MB go through a draft and upload sessions, which need Mail.ReadWrite.</summary>
internal static class LargeAttachmentsCheck
{
    internal static SetupCheckResult Evaluate(AccessTokenDetails token, ExchangeView exchange, string mailbox)
    {
        if (PermissionsCheck.Has(token.Roles, PermissionsCheck.MailReadWrite))
        {
            return Results.Passed(SetupCheck.LargeAttachments,
                "Available: the token carries Mail.ReadWrite, so attachments over about 3 MB are sent through a draft and upload sessions (up to 150 MB, within the mailbox's size limit).");
        }

        if (mailbox.Length > 0 && exchange.For(mailbox)?.RoleGrants(ServicePrincipalRole.MailReadWrite) == true)
        {
            return Results.Passed(SetupCheck.LargeAttachments,
                $"Available: Exchange RBAC for Applications grants Application Mail.ReadWrite for {mailbox}, so attachments over about 3 MB are sent through a draft and upload sessions.");
        }

        return Results.Passed(SetupCheck.LargeAttachments,
            "Not available, by least privilege: without Mail.ReadWrite a message's attachments must stay under about 3 MB in total. " +
            "Grant Mail.ReadWrite only if you send larger files.");
    }
}
