namespace GraphMail.Bench.Sandbox;

/// <summary>An app of the sandbox's default seed (docs/sandbox.md), with its sandbox-only secret.</summary>
public sealed record SandboxApp(string ClientId, string Secret)
{
    public const string Tenant = "contoso.com";

    /// <summary>The mailbox every benchmark sends from (in both apps' scope).</summary>
    public const string Sender = "noreply@contoso.com";

    /// <summary>GraphMail Sender: Mail.Send.</summary>
    public static SandboxApp MailSend { get; } = new("51c27551-41e7-4952-a996-08bd0bfb1752", "Sbx8Q~GraphMailSender.Secret-0001");

    /// <summary>GraphMail Large Attachments: Mail.Send and Mail.ReadWrite (drafts and upload sessions).</summary>
    public static SandboxApp LargeAttachments { get; } = new("d0bf47c5-e6e9-4011-86fc-e62ba8a2cdda", "Sbx8Q~LargeAttachments.Secret-0005");
}
