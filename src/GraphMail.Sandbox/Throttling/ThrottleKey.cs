namespace GraphMail.Sandbox.Throttling;

/// <summary>What Outlook throttles on: the app and the mailbox (Mailbox null when counting per app).</summary>
internal readonly record struct ThrottleKey(string AppId, string? Mailbox)
{
    internal string Text => Mailbox is null ? AppId.ToLowerInvariant() : AppId.ToLowerInvariant() + "|" + Mailbox.ToLowerInvariant();
}
