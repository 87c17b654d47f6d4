using System.Security;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>The default seed's values (src/GraphMail.Sandbox/Seed/default.json) that scripts in these tests use.</summary>
public static class SandboxDefaults
{
    public const string TenantId = "30d943bf-6a43-47b0-a36a-66a1a07848ca";
    public const string TenantDomain = "contoso.com";
    public const string Noreply = "noreply@contoso.com";
    public const string Ceo = "ceo@contoso.com";

    /// <summary>Global Administrator: signs in for directory work.</summary>
    public const string Admin = "admin@contoso.com";

    /// <summary>Microsoft Graph Command Line Tools, the admin sign-in's public client.</summary>
    public const string GraphCommandLineToolsId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    /// <summary>Mail.Send, scoped to graphmail-senders@ (noreply@, reports@).</summary>
    public const string SenderAppId = "51c27551-41e7-4952-a996-08bd0bfb1752";
    public const string SenderSecret = "Sbx8Q~GraphMailSender.Secret-0001";

    /// <summary>Mail.Send with no mailbox scope: it can send as anyone.</summary>
    public const string UnscopedAppId = "f71d6a18-2082-40cb-8da2-0c7f47be96d8";
    public const string UnscopedSecret = "Sbx8Q~Unscoped.Secret-0004";

    /// <summary>Mail.Send + Mail.ReadWrite (drafts, upload sessions), scoped like the sender app.</summary>
    public const string LargeAttachmentsAppId = "d0bf47c5-e6e9-4011-86fc-e62ba8a2cdda";
    public const string LargeAttachmentsSecret = "Sbx8Q~LargeAttachments.Secret-0005";

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
