using System;
using System.Collections.Generic;

namespace GraphMail.Sandbox.Control;

/// <summary>A message the sandbox accepted for delivery (sendMail, or draft + send).</summary>
public sealed record RecordedMessage
{
    public required string Id { get; init; }

    /// <summary>UPN of the mailbox in the request path.</summary>
    public required string SenderMailbox { get; init; }

    public RecordedRecipient? From { get; init; }

    public IReadOnlyList<RecordedRecipient> ToRecipients { get; init; } = [];

    public IReadOnlyList<RecordedRecipient> CcRecipients { get; init; } = [];

    public IReadOnlyList<RecordedRecipient> BccRecipients { get; init; } = [];

    public IReadOnlyList<RecordedRecipient> ReplyTo { get; init; } = [];

    public string? Subject { get; init; }

    /// <summary>text or html.</summary>
    public string BodyContentType { get; init; } = "text";

    public string BodyContent { get; init; } = "";

    /// <summary>low, normal or high.</summary>
    public string Importance { get; init; } = "normal";

    public IReadOnlyList<RecordedAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<RecordedHeader> InternetMessageHeaders { get; init; } = [];

    /// <summary>The client's internetMessageId if it gave one, else &lt;guid@sandbox&gt;.</summary>
    public required string InternetMessageId { get; init; }

    public bool SaveToSentItems { get; init; } = true;

    public bool IsDeliveryReceiptRequested { get; init; }

    public string? ClientRequestId { get; init; }

    public required string RequestId { get; init; }

    public required string AppId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>sendMail or draftSend.</summary>
    public required string Path { get; init; }
}

public sealed record RecordedRecipient(string Address, string? Name);

public sealed record RecordedHeader(string Name, string Value);

public sealed record RecordedAttachment
{
    public required string Name { get; init; }

    public string? ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the attachment bytes.</summary>
    public required string Sha256 { get; init; }

    public bool IsInline { get; init; }

    public string? ContentId { get; init; }

    /// <summary>inline (contentBytes in the message) or uploadSession.</summary>
    public string Source { get; init; } = "inline";
}

/// <summary>A draft still in a mailbox (created, not yet sent or deleted).</summary>
public sealed record DraftSnapshot
{
    public required string Id { get; init; }

    public required string Mailbox { get; init; }

    public required string AppId { get; init; }

    public string? Subject { get; init; }

    public IReadOnlyList<RecordedAttachment> Attachments { get; init; } = [];

    /// <summary>Upload sessions for this draft that are open (created, not finished or cancelled).</summary>
    public int OpenUploadSessions { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One request the sandbox served (the control API is not logged).</summary>
public sealed record RecordedRequest
{
    public DateTimeOffset Time { get; init; }

    public required string Method { get; init; }

    /// <summary>A RouteNames value.</summary>
    public required string Route { get; init; }

    /// <summary>Path and query, with secret query values (authtoken, client_secret...) masked.</summary>
    public required string Path { get; init; }

    /// <summary>HTTP status; 0 when the connection was reset by a fault.</summary>
    public int Status { get; init; }

    public string? AppId { get; init; }

    public string? ClientRequestId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>The fault kind applied to this request, if any.</summary>
    public string? Fault { get; init; }

    /// <summary>For a request inside a $batch: the request-id of the batch.</summary>
    public string? BatchRequestId { get; init; }
}

/// <summary>In-flight counters for one throttling key (app + mailbox, or app alone).</summary>
public sealed record ConcurrencySnapshot
{
    public required string AppId { get; init; }

    /// <summary>Mailbox id or UPN as addressed; null when concurrency is counted per app.</summary>
    public string? Mailbox { get; init; }

    public int InFlight { get; init; }

    /// <summary>Most requests seen at once, counting those then refused with 429.</summary>
    public int PeakInFlight { get; init; }

    public int Throttled { get; init; }
}
