using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GraphMail.Engine.SandboxHosting.Control;

/// <summary>The control API's camelCase JSON (recorded messages, the request log, drafts) read into GraphMail's own types.</summary>
internal static class RecordedJson
{
    internal static IReadOnlyList<T> ReadArray<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(read).ToList();
    }

    internal static SandboxMessage Message(JsonElement m) => new()
    {
        Id = Text(m, "id") ?? string.Empty,
        Mailbox = Text(m, "senderMailbox") ?? string.Empty,
        From = m.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? Recipient(from) : null,
        To = Recipients(m, "toRecipients"),
        Cc = Recipients(m, "ccRecipients"),
        Bcc = Recipients(m, "bccRecipients"),
        ReplyTo = Recipients(m, "replyTo"),
        Subject = Text(m, "subject"),
        Body = Text(m, "bodyContent") ?? string.Empty,
        BodyType = Text(m, "bodyContentType") ?? "text",
        Importance = Text(m, "importance") ?? "normal",
        Attachments = Attachments(m),
        Headers = Headers(m),
        InternetMessageId = Text(m, "internetMessageId") ?? string.Empty,
        SaveToSentItems = m.TryGetProperty("saveToSentItems", out var save) && save.ValueKind == JsonValueKind.True,
        ReceivedAt = Time(m, "receivedAt"),
        ClientId = Text(m, "appId") ?? string.Empty,
        RequestId = Text(m, "requestId") ?? string.Empty,
        ClientRequestId = Text(m, "clientRequestId"),
        Path = Text(m, "path") ?? string.Empty,
    };

    internal static SandboxRequestLogEntry Request(JsonElement r) => new()
    {
        Time = Time(r, "time"),
        Method = Text(r, "method") ?? string.Empty,
        Route = Text(r, "route") ?? string.Empty,
        Path = Text(r, "path") ?? string.Empty,
        Status = r.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : 0,
        ClientId = Text(r, "appId"),
        ClientRequestId = Text(r, "clientRequestId"),
        RequestId = Text(r, "requestId") ?? string.Empty,
        Fault = Text(r, "fault"),
        BatchRequestId = Text(r, "batchRequestId"),
    };

    internal static SandboxDraft Draft(JsonElement d) => new()
    {
        Id = Text(d, "id") ?? string.Empty,
        Mailbox = Text(d, "mailbox") ?? string.Empty,
        ClientId = Text(d, "appId") ?? string.Empty,
        Subject = Text(d, "subject"),
        Attachments = Attachments(d),
        OpenUploadSessions = d.TryGetProperty("openUploadSessions", out var open) && open.ValueKind == JsonValueKind.Number ? open.GetInt32() : 0,
        CreatedAt = Time(d, "createdAt"),
    };

    private static IReadOnlyList<SandboxAttachment> Attachments(JsonElement owner) =>
        Items(owner, "attachments").Select(a => new SandboxAttachment(
            Text(a, "name") ?? string.Empty,
            Text(a, "contentType"),
            a.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : 0,
            (Text(a, "sha256") ?? string.Empty).ToUpperInvariant(),
            a.TryGetProperty("isInline", out var inline) && inline.ValueKind == JsonValueKind.True,
            Text(a, "contentId"),
            Text(a, "source") ?? "inline")).ToList();

    private static IReadOnlyDictionary<string, string> Headers(JsonElement message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in Items(message, "internetMessageHeaders"))
        {
            var name = Text(header, "name") ?? string.Empty;
            var value = Text(header, "value") ?? string.Empty;

            // Graph allows a name twice; both values stay, as a folded header line would carry them.
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        return headers;
    }

    private static IReadOnlyList<SandboxRecipient> Recipients(JsonElement message, string property) =>
        Items(message, property).Select(Recipient).ToList();

    private static SandboxRecipient Recipient(JsonElement recipient) => new(Text(recipient, "address") ?? string.Empty, Text(recipient, "name"));

    private static IEnumerable<JsonElement> Items(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static string? Text(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset Time(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) ? time : default;
}
