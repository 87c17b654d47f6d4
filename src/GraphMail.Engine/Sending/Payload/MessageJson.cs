using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Payload;

/// <summary>
/// Graph's message JSON, written by hand with Utf8JsonWriter rather than through the SDK's Message model: the exact
/// bytes are known (and measured against the 4 MB cap) before anything is sent, the same bytes go out on every
/// attempt, attachments are base64-encoded straight from a pooled buffer instead of living as a byte[] plus a base64
/// string, and no SDK middleware sits between the send path and the wire. Property names are Graph's camelCase.
/// </summary>
internal static class MessageJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>{"message":{...},"saveToSentItems":bool} for POST /users/{from}/sendMail, attachments inside.</summary>
    internal static Task<PooledBuffer> SendMailAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        WriteAsync(message.Attachments, 64 * 1024, (writer, files) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("message");
            WriteMessage(writer, message, files, deleteAfterSubmit: false);
            writer.WriteBoolean("saveToSentItems", message.SaveToSentItems);
            writer.WriteEndObject();
        }, cancellationToken);

    /// <summary>The message for POST /users/{from}/messages, with the small attachments given (the rest follow).</summary>
    internal static Task<PooledBuffer> DraftAsync(OutgoingMessage message, IReadOnlyList<AttachmentFile> onDraft, CancellationToken cancellationToken) =>
        WriteAsync(onDraft, 16 * 1024, (writer, files) => WriteMessage(writer, message, files, deleteAfterSubmit: !message.SaveToSentItems), cancellationToken);

    /// <summary>One fileAttachment for POST /messages/{id}/attachments.</summary>
    internal static Task<PooledBuffer> AttachmentAsync(AttachmentFile file, CancellationToken cancellationToken) =>
        WriteAsync(new[] { file }, 64 * 1024, (writer, files) => WriteAttachment(writer, files[0]), cancellationToken);

    /// <summary>Reads the files into pooled buffers, writes the JSON, and gives the buffers back whatever happens.</summary>
    private static async Task<PooledBuffer> WriteAsync(
        IEnumerable<AttachmentFile> attachments, int capacity, System.Action<Utf8JsonWriter, List<LoadedFile>> write, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer(capacity);
        List<LoadedFile>? files = null;
        try
        {
            files = await ReadAllAsync(attachments, cancellationToken).ConfigureAwait(false);
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                write(writer, files);
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        finally
        {
            if (files is not null)
            {
                Return(files);
            }
        }
    }

    /// <summary>{"AttachmentItem":{...}} for POST /messages/{id}/attachments/createUploadSession.</summary>
    internal static PooledBuffer UploadSession(AttachmentFile file)
    {
        var buffer = new PooledBuffer(1024);
        using var writer = new Utf8JsonWriter(buffer, Options);
        writer.WriteStartObject();
        writer.WriteStartObject("AttachmentItem");
        writer.WriteString("attachmentType", "file");
        writer.WriteString("name", file.Name);
        writer.WriteNumber("size", file.Length);
        writer.WriteString("contentType", file.ContentType);
        writer.WriteBoolean("isInline", file.IsInline);
        if (file.ContentId is not null)
        {
            writer.WriteString("contentId", file.ContentId);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        return buffer;
    }

    private static void WriteMessage(Utf8JsonWriter writer, OutgoingMessage message, IReadOnlyList<LoadedFile> attachments, bool deleteAfterSubmit)
    {
        writer.WriteStartObject();
        writer.WriteString("subject", message.Subject);
        writer.WriteStartObject("body");
        writer.WriteString("contentType", message.BodyIsHtml ? "HTML" : "Text");
        writer.WriteString("content", message.Body);
        writer.WriteEndObject();
        writer.WritePropertyName("from");
        WriteRecipient(writer, message.From);
        WriteRecipients(writer, "toRecipients", message.To);
        WriteRecipients(writer, "ccRecipients", message.Cc);
        WriteRecipients(writer, "bccRecipients", message.Bcc);
        WriteRecipients(writer, "replyTo", message.ReplyTo);
        writer.WriteString("importance", message.Importance);
        writer.WriteBoolean("isDeliveryReceiptRequested", message.DeliveryReceiptRequested);
        writer.WriteString("internetMessageId", message.InternetMessageId);
        if (message.Headers.Count > 0)
        {
            // Graph refuses an empty internetMessageHeaders array, so it is left out when there are none.
            writer.WriteStartArray("internetMessageHeaders");
            foreach (var header in message.Headers)
            {
                writer.WriteStartObject();
                writer.WriteString("name", header.Key);
                writer.WriteString("value", header.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (attachments.Count > 0)
        {
            writer.WriteStartArray("attachments");
            foreach (var attachment in attachments)
            {
                WriteAttachment(writer, attachment);
            }

            writer.WriteEndArray();
        }

        if (deleteAfterSubmit)
        {
            // PR_DELETE_AFTER_SUBMIT: what saveToSentItems=false does for sendMail, for a draft sent with /send.
            writer.WriteStartArray("singleValueExtendedProperties");
            writer.WriteStartObject();
            writer.WriteString("id", "Boolean 0x0E01");
            writer.WriteString("value", "true");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteAttachment(Utf8JsonWriter writer, LoadedFile attachment)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
        writer.WriteString("name", attachment.File.Name);
        writer.WriteString("contentType", attachment.File.ContentType);
        writer.WriteBase64String("contentBytes", new System.ReadOnlySpan<byte>(attachment.Bytes, 0, attachment.Length));
        writer.WriteBoolean("isInline", attachment.File.IsInline);
        if (attachment.File.ContentId is not null)
        {
            writer.WriteString("contentId", attachment.File.ContentId);
        }

        writer.WriteEndObject();
    }

    private static void WriteRecipients(Utf8JsonWriter writer, string name, IReadOnlyList<MailRecipient> recipients)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var recipient in recipients)
        {
            WriteRecipient(writer, recipient);
        }

        writer.WriteEndArray();
    }

    private static void WriteRecipient(Utf8JsonWriter writer, MailRecipient recipient)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("emailAddress");
        writer.WriteString("address", recipient.Address);
        if (recipient.Name is not null)
        {
            writer.WriteString("name", recipient.Name);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static async Task<List<LoadedFile>> ReadAllAsync(IEnumerable<AttachmentFile> files, CancellationToken cancellationToken)
    {
        var loaded = new List<LoadedFile>();
        try
        {
            foreach (var file in files)
            {
                loaded.Add(await LoadAsync(file, cancellationToken).ConfigureAwait(false));
            }

            return loaded;
        }
        catch
        {
            Return(loaded);
            throw;
        }
    }

    private static async Task<LoadedFile> LoadAsync(AttachmentFile file, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent((int)System.Math.Max(file.Length, 1));
        try
        {
            using var stream = Files.AttachmentReader.Open(file);
            var length = await Files.AttachmentReader.FillAsync(stream, bytes, (int)file.Length, cancellationToken).ConfigureAwait(false);
            return new LoadedFile(file, bytes, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    private static void Return(List<LoadedFile> files)
    {
        foreach (var file in files)
        {
            ArrayPool<byte>.Shared.Return(file.Bytes);
        }

        files.Clear();
    }

    private sealed class LoadedFile
    {
        internal LoadedFile(AttachmentFile file, byte[] bytes, int length)
        {
            File = file;
            Bytes = bytes;
            Length = length;
        }

        internal AttachmentFile File { get; }
        internal byte[] Bytes { get; }
        internal int Length { get; }
    }
}
