using System;
using System.Collections.Generic;

namespace GraphMail;

/// <summary>
/// A message GraphMail.Sandbox accepted for delivery (sendMail, or a draft's send), as Get-GraphMailSandboxMessage
/// returns it for a test to assert on.
/// </summary>
public sealed class SandboxMessage
{
    private static readonly IReadOnlyList<SandboxRecipient> NoRecipients = Array.Empty<SandboxRecipient>();

    internal SandboxMessage()
    {
    }

    /// <summary>The sandbox's id for the message.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>UPN of the mailbox the message was sent as (the mailbox in the request path).</summary>
    public string Mailbox { get; internal set; } = string.Empty;

    /// <summary>The message's from address, when the sender set one apart from the mailbox.</summary>
    public SandboxRecipient? From { get; internal set; }

    public IReadOnlyList<SandboxRecipient> To { get; internal set; } = NoRecipients;

    public IReadOnlyList<SandboxRecipient> Cc { get; internal set; } = NoRecipients;

    public IReadOnlyList<SandboxRecipient> Bcc { get; internal set; } = NoRecipients;

    public IReadOnlyList<SandboxRecipient> ReplyTo { get; internal set; } = NoRecipients;

    public string? Subject { get; internal set; }

    public string Body { get; internal set; } = string.Empty;

    /// <summary><c>text</c> or <c>html</c>.</summary>
    public string BodyType { get; internal set; } = "text";

    /// <summary><c>low</c>, <c>normal</c> or <c>high</c>.</summary>
    public string Importance { get; internal set; } = "normal";

    public IReadOnlyList<SandboxAttachment> Attachments { get; internal set; } = Array.Empty<SandboxAttachment>();

    /// <summary>The internet message headers (X-...) by name, matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; internal set; } = new Dictionary<string, string>();

    /// <summary>The client's internetMessageId if it gave one, else one the sandbox made.</summary>
    public string InternetMessageId { get; internal set; } = string.Empty;

    public bool SaveToSentItems { get; internal set; }

    /// <summary>When the sandbox accepted the message (its clock).</summary>
    public DateTimeOffset ReceivedAt { get; internal set; }

    /// <summary>The client (application) ID of the token the message was sent with.</summary>
    public string ClientId { get; internal set; } = string.Empty;

    /// <summary>Graph's request-id of the accepted request, as Send-GraphMail reports it.</summary>
    public string RequestId { get; internal set; } = string.Empty;

    /// <summary>The client-request-id the sender sent, if any.</summary>
    public string? ClientRequestId { get; internal set; }

    /// <summary><c>sendMail</c> (one request) or <c>draftSend</c> (draft, upload sessions, send).</summary>
    public string Path { get; internal set; } = string.Empty;
}
