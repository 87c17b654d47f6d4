using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Sending.Model;

/// <summary>
/// A message that passed every check and is ready for the wire: parsed addresses, checked files, the Message-ID
/// GraphMail stamped on it, and the path it will travel. Built by <see cref="Validation.MessageBuilder"/>; the setup
/// test builds recipient-less probes (Setup/Probes), which Graph refuses before they could be delivered.
/// </summary>
public sealed class OutgoingMessage
{
    internal OutgoingMessage(
        MailRecipient from,
        IReadOnlyList<MailRecipient> to,
        IReadOnlyList<MailRecipient> cc,
        IReadOnlyList<MailRecipient> bcc,
        IReadOnlyList<MailRecipient> replyTo,
        string subject,
        string body,
        bool bodyIsHtml,
        string importance,
        bool deliveryReceiptRequested,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        IReadOnlyList<AttachmentFile> attachments,
        bool saveToSentItems,
        string internetMessageId,
        IReadOnlyList<string> warnings,
        long textJsonBytes)
    {
        From = from;
        To = to;
        Cc = cc;
        Bcc = bcc;
        ReplyTo = replyTo;
        Subject = subject;
        Body = body;
        BodyIsHtml = bodyIsHtml;
        Importance = importance;
        DeliveryReceiptRequested = deliveryReceiptRequested;
        Headers = headers;
        Attachments = attachments;
        SaveToSentItems = saveToSentItems;
        InternetMessageId = internetMessageId;
        Warnings = warnings;
        AttachmentBytes = attachments.Sum(a => a.Length);
        TextJsonBytes = textJsonBytes;
        Path = SendLimits.FitsInOneRequest(AttachmentBytes, textJsonBytes) ? SendPath.SendMail : SendPath.DraftUpload;
    }

    /// <summary>The same message under another Message-ID (the one a -Journal gave it in an earlier run).</summary>
    internal OutgoingMessage WithInternetMessageId(string internetMessageId) =>
        new(From, To, Cc, Bcc, ReplyTo, Subject, Body, BodyIsHtml, Importance, DeliveryReceiptRequested, Headers, Attachments, SaveToSentItems,
            internetMessageId, Warnings, TextJsonBytes);

    public MailRecipient From { get; }
    public IReadOnlyList<MailRecipient> To { get; }
    public IReadOnlyList<MailRecipient> Cc { get; }
    public IReadOnlyList<MailRecipient> Bcc { get; }
    public IReadOnlyList<MailRecipient> ReplyTo { get; }
    public string Subject { get; }
    public string Body { get; }
    public bool BodyIsHtml { get; }

    /// <summary>Graph's importance: low, normal or high.</summary>
    public string Importance { get; }

    public bool DeliveryReceiptRequested { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
    public IReadOnlyList<AttachmentFile> Attachments { get; }
    public bool SaveToSentItems { get; }

    /// <summary>&lt;{guid}@{sender domain}&gt;: set on the message so an Unknown outcome can be traced.</summary>
    public string InternetMessageId { get; }

    /// <summary>Notes for the user that do not stop the message (an option Graph cannot honour, an unused inline id).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public long AttachmentBytes { get; }

    /// <summary>What the subject and body take in Graph's JSON (escaped as the request writer escapes them).</summary>
    public long TextJsonBytes { get; }

    public SendPath Path { get; }

    public int RecipientCount => To.Count + Cc.Count + Bcc.Count;

    /// <summary>The result this message gets, given how its sending ended.</summary>
    /// <param name="draftId">A draft of this message left in the sender's Drafts folder, if any.</param>
    public SendResult Result(SendStatus status, int attempts, TimeSpan duration, string? requestId, string? clientRequestId, GraphMailException? error, string? draftId = null) =>
        new(status, From.Address, To.Select(r => r.Address).ToArray(), Subject, InternetMessageId, Path, attempts, duration, requestId, clientRequestId, error, draftId);
}
