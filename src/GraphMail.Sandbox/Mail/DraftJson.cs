using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>A draft as Graph returns a message resource.</summary>
internal static class DraftJson
{
    internal static JsonObject Create(Draft draft, string graphBase)
    {
        var message = draft.Message;
        var mailbox = draft.Grant.Mailbox;
        var owner = new RecordedRecipient(mailbox.UserPrincipalName, mailbox.DisplayName);
        var created = draft.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["@odata.context"] = $"{graphBase}/$metadata#users('{mailbox.Id}')/messages/$entity",
            ["@odata.etag"] = "W/\"CQAAABYAAAA" + draft.Id[^8..] + "\"",
            ["id"] = draft.Id,
            ["createdDateTime"] = created,
            ["lastModifiedDateTime"] = created,
            ["changeKey"] = "CQAAABYAAAA" + draft.Id[^8..],
            ["categories"] = new JsonArray(),
            ["receivedDateTime"] = created,
            ["sentDateTime"] = null,
            ["hasAttachments"] = draft.Attachments.Count > 0,
            ["internetMessageId"] = message.InternetMessageId ?? $"<{draft.Id[^12..]}@sandbox>",
            ["subject"] = message.Subject,
            ["bodyPreview"] = message.BodyContent.Length > 255 ? message.BodyContent[..255] : message.BodyContent,
            ["importance"] = message.Importance,
            ["parentFolderId"] = "AAMkAGSbxDrafts",
            ["conversationId"] = "AAQkAGSbx" + draft.Id[^10..],
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = true,
            ["isDraft"] = true,
            ["webLink"] = "https://outlook.office365.com/owa/?ItemID=" + Uri.EscapeDataString(draft.Id),
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

    private static JsonObject Recipient(RecordedRecipient recipient) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = recipient.Name ?? recipient.Address, ["address"] = recipient.Address } };

    private static JsonArray Recipients(IEnumerable<RecordedRecipient> recipients) =>
        new(recipients.Select(r => (JsonNode)Recipient(r)).ToArray());
}
