using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>Reads a Graph message resource (case-insensitive JSON) into an OutgoingMessage, or says what Graph would refuse.</summary>
internal static class MessageReader
{
    private const string FileAttachmentType = "#microsoft.graph.fileAttachment";

    /// <summary>RecordedAttachment.Source of an attachment added to a draft on its own.</summary>
    internal const string AddedSource = "added";

    internal static OutgoingMessage Read(JsonObject message, out MessageProblem? problem)
    {
        problem = null;
        try
        {
            var body = message["body"] as JsonObject;
            return new OutgoingMessage
            {
                Subject = JsonBody.ReadString(message["subject"]),
                BodyContentType = ReadEnum(body?["contentType"], "text", "text", "html"),
                BodyContent = JsonBody.ReadString(body?["content"]) ?? "",
                From = ReadRecipient(message["from"]),
                ToRecipients = ReadRecipients(message["toRecipients"]),
                CcRecipients = ReadRecipients(message["ccRecipients"]),
                BccRecipients = ReadRecipients(message["bccRecipients"]),
                ReplyTo = ReadRecipients(message["replyTo"]),
                Importance = ReadEnum(message["importance"], "normal", "low", "normal", "high"),
                Attachments = ReadAttachments(message["attachments"]),
                InternetMessageHeaders = ReadHeaders(message["internetMessageHeaders"]),
                InternetMessageId = JsonBody.ReadString(message["internetMessageId"]),
                IsDeliveryReceiptRequested = ReadBool(message["isDeliveryReceiptRequested"]),
                DeleteAfterSubmit = ReadDeleteAfterSubmit(message["singleValueExtendedProperties"]),
            };
        }
        catch (UnreadableBodyException e)
        {
            problem = e.Problem;
            return new OutgoingMessage();
        }
    }

    /// <summary>One file attachment posted on its own (POST .../messages/{id}/attachments).</summary>
    internal static RecordedAttachment? ReadFileAttachment(JsonObject attachment, out MessageProblem? problem)
    {
        problem = null;
        try
        {
            return ReadAttachment(attachment) with { Source = AddedSource };
        }
        catch (UnreadableBodyException e)
        {
            problem = e.Problem;
            return null;
        }
    }

    private static bool ReadBool(JsonNode? node) =>
        JsonBody.TryReadBoolean(node, out var value)
            ? value ?? false
            : throw new UnreadableBodyException("RequestBodyRead", JsonBody.NotABoolean);

    private static bool ReadDeleteAfterSubmit(JsonNode? node) =>
        node is JsonArray properties && properties.Any(p =>
            string.Equals(JsonBody.ReadString(p?["id"]), "Boolean 0x0E01", StringComparison.OrdinalIgnoreCase) &&
            string.Equals(JsonBody.ReadString(p?["value"]), "true", StringComparison.OrdinalIgnoreCase));

    private static string ReadEnum(JsonNode? node, string fallback, params string[] allowed)
    {
        var text = JsonBody.ReadString(node);
        if (text is null)
        {
            return fallback;
        }

        return allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? throw new UnreadableBodyException("RequestBodyRead", $"Requested value '{text}' was not found.");
    }

    private static IReadOnlyList<RecordedRecipient> ReadRecipients(JsonNode? node) =>
        node is JsonArray array ? array.Select(r => ReadRecipient(r) ?? new RecordedRecipient("", null)).ToList() : [];

    /// <summary>{"emailAddress":{"address","name"}}; a recipient without an address is kept as "" so validation can refuse it.</summary>
    private static RecordedRecipient? ReadRecipient(JsonNode? node)
    {
        if (node is not JsonObject recipient)
        {
            return null;
        }

        var address = recipient["emailAddress"] as JsonObject;
        return new RecordedRecipient(JsonBody.ReadString(address?["address"]) ?? "", JsonBody.ReadString(address?["name"]));
    }

    private static IReadOnlyList<RecordedHeader>? ReadHeaders(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(h => new RecordedHeader(JsonBody.ReadString(h?["name"]) ?? "", JsonBody.ReadString(h?["value"]) ?? "")).ToList(),
        _ => throw new UnreadableBodyException("RequestBodyRead", "internetMessageHeaders must be an array."),
    };

    private static IReadOnlyList<RecordedAttachment> ReadAttachments(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        return array.Select(a => a as JsonObject ?? throw new UnreadableBodyException("RequestBodyRead", "An attachment must be an object.")).Select(ReadAttachment).ToList();
    }

    private static RecordedAttachment ReadAttachment(JsonObject attachment)
    {
        var type = JsonBody.ReadString(attachment["@odata.type"]);
        if (!string.Equals(type, FileAttachmentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableBodyException("ErrorInvalidParameter",
                $"The attachment type '{type}' is not supported by GraphMail.Sandbox; send \"@odata.type\":\"{FileAttachmentType}\".");
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(JsonBody.ReadString(attachment["contentBytes"]) ?? "");
        }
        catch (FormatException)
        {
            throw new UnreadableBodyException("RequestBodyRead", "The attachment's contentBytes is not valid base64.");
        }

        return new RecordedAttachment
        {
            Name = JsonBody.ReadString(attachment["name"]) ?? "",
            ContentType = JsonBody.ReadString(attachment["contentType"]),
            Size = content.Length,
            Sha256 = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(),
            IsInline = JsonBody.TryReadBoolean(attachment["isInline"], out var isInline)
                ? isInline ?? false
                : throw new UnreadableBodyException("RequestBodyRead", JsonBody.NotABoolean),
            ContentId = JsonBody.ReadString(attachment["contentId"]),
            Source = "inline",
        };
    }

    private sealed class UnreadableBodyException(string code, string message) : Exception(message)
    {
        internal MessageProblem Problem { get; } = new(code, message);
    }
}
