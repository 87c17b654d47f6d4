using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>A draft as Graph returns a message resource.</summary>
internal static class DraftJson
{
    internal const string DraftsFolderId = "AAMkAGSbxDrafts";
    internal const string SentItemsFolderId = "AAMkAGSbxSentItems";

    internal static JsonObject Create(Draft draft, string graphBase) =>
        Item(draft.Id, draft.Grant, draft.Message, draft.CreatedAt, draft.Attachments.Count, sentAt: null, graphBase);

    /// <summary>A message resource: a draft when <paramref name="sentAt"/> is null, else the copy in Sent Items.</summary>
    internal static JsonObject Item(string id, MailboxGrant grant, OutgoingMessage message, DateTimeOffset createdAt, int attachments, DateTimeOffset? sentAt, string graphBase)
    {
        var mailbox = grant.Mailbox;
        var owner = new RecordedRecipient(mailbox.UserPrincipalName, mailbox.DisplayName);
        var created = Time(createdAt);
        return new JsonObject
        {
            ["@odata.context"] = $"{graphBase}/$metadata#users('{mailbox.Id}')/messages/$entity",
            ["@odata.etag"] = "W/\"CQAAABYAAAA" + id[^8..] + "\"",
            ["id"] = id,
            ["createdDateTime"] = created,
            ["lastModifiedDateTime"] = sentAt is { } sent ? Time(sent) : created,
            ["changeKey"] = "CQAAABYAAAA" + id[^8..],
            ["categories"] = new JsonArray(),
            ["receivedDateTime"] = created,
            ["sentDateTime"] = sentAt is { } at ? Time(at) : null,
            ["hasAttachments"] = attachments > 0,
            ["internetMessageId"] = message.InternetMessageId ?? $"<{id[^12..]}@sandbox>",
            ["subject"] = message.Subject,
            ["bodyPreview"] = message.BodyContent.Length > 255 ? message.BodyContent[..255] : message.BodyContent,
            ["importance"] = message.Importance,
            ["parentFolderId"] = sentAt is null ? DraftsFolderId : SentItemsFolderId,
            ["conversationId"] = "AAQkAGSbx" + id[^10..],
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = true,
            ["isDraft"] = sentAt is null,
            ["webLink"] = "https://outlook.office365.com/owa/?ItemID=" + Uri.EscapeDataString(id),
            ["body"] = new JsonObject { ["contentType"] = message.BodyContentType, ["content"] = message.BodyContent },
            ["sender"] = Recipient(message.From ?? owner),
            ["from"] = Recipient(message.From ?? owner),
            ["toRecipients"] = Recipients(message.ToRecipients),
            ["ccRecipients"] = Recipients(message.CcRecipients),
            ["bccRecipients"] = Recipients(message.BccRecipients),
            ["replyTo"] = Recipients(message.ReplyTo),
            ["flag"] = new JsonObject { ["flagStatus"] = "notFlagged" },
        };
    }

    /// <summary>The draft's attachments as $expand=attachments lists them (metadata; no content).</summary>
    internal static JsonArray Attachments(Draft draft) =>
        new(draft.Attachments.Select((a, i) => (JsonNode)new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.fileAttachment",
            ["id"] = draft.Id[^8..] + "-attachment-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = a.Name,
            ["contentType"] = a.ContentType,
            ["size"] = a.Size,
            ["isInline"] = a.IsInline,
        }).ToArray());

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Recipient(RecordedRecipient recipient) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = recipient.Name ?? recipient.Address, ["address"] = recipient.Address } };

    private static JsonArray Recipients(IEnumerable<RecordedRecipient> recipients) =>
        new(recipients.Select(r => (JsonNode)Recipient(r)).ToArray());
}
