namespace GraphMail.Bench.Sandbox;

/// <summary>An app of the sandbox's default seed (docs/sandbox.md), with its sandbox-only secret.</summary>
public sealed record SandboxApp(string ClientId, string Secret)
{
    /// <summary>The mailbox the single-sender benchmarks send from (in the scoped apps' scope).</summary>
    public const string Sender = "noreply@contoso.com";

    /// <summary>GraphMail Sender: Mail.Send, scoped to graphmail-senders@contoso.com.</summary>
    public static SandboxApp MailSend { get; } = new("51c27551-41e7-4952-a996-08bd0bfb1752", "Sbx8Q~GraphMailSender.Secret-0001");

    /// <summary>GraphMail Large Attachments: Mail.Send and Mail.ReadWrite, which ExactlyOnce needs to create and read drafts.</summary>
    public static SandboxApp ReadWrite { get; } = new("d0bf47c5-e6e9-4011-86fc-e62ba8a2cdda", "Sbx8Q~LargeAttachments.Secret-0005");

    /// <summary>GraphMail Unscoped: Mail.Send as any mailbox (the many-senders row's 10 bench mailboxes).</summary>
    public static SandboxApp Unscoped { get; } = new("f71d6a18-2082-40cb-8da2-0c7f47be96d8", "Sbx8Q~Unscoped.Secret-0004");
}
