using System;
using System.Collections.Generic;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Setup.Probes;

/// <summary>
/// A sendMail whose message has no recipient at all (no To, Cc or Bcc), sent through the send engine's own path.
/// Graph checks the caller's permission, then the mailbox, then mailbox scoping, and only then the message body
/// (observed on Graph; GraphMail.Sandbox follows that order), so the answer tells how far the request got, and the
/// message can never be delivered: with no recipient the last check refuses it (400 ErrorInvalidRecipients).
/// </summary>
internal static class ProbeMessage
{
    internal const string Subject = "GraphMail setup probe (no recipients: never delivered)";

    internal static OutgoingMessage From(MailRecipient mailbox) =>
        new(
            mailbox,
            Array.Empty<MailRecipient>(),
            Array.Empty<MailRecipient>(),
            Array.Empty<MailRecipient>(),
            Array.Empty<MailRecipient>(),
            Subject,
            string.Empty,
            bodyIsHtml: false,
            "normal",
            deliveryReceiptRequested: false,
            Array.Empty<KeyValuePair<string, string>>(),
            Array.Empty<AttachmentFile>(),
            saveToSentItems: false,
            "<" + Guid.NewGuid().ToString("N") + "@" + mailbox.Domain + ">",
            Array.Empty<string>(),
            textJsonBytes: Subject.Length);
}
