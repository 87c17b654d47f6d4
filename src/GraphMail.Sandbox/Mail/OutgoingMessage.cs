using System.Collections.Generic;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>A message as read from a sendMail or draft request body.</summary>
internal sealed record OutgoingMessage
{
    internal string? Subject { get; init; }

    internal string BodyContentType { get; init; } = "text";

    internal string BodyContent { get; init; } = "";

    internal RecordedRecipient? From { get; init; }

    internal IReadOnlyList<RecordedRecipient> ToRecipients { get; init; } = [];

    internal IReadOnlyList<RecordedRecipient> CcRecipients { get; init; } = [];

    internal IReadOnlyList<RecordedRecipient> BccRecipients { get; init; } = [];

    internal IReadOnlyList<RecordedRecipient> ReplyTo { get; init; } = [];

    internal string Importance { get; init; } = "normal";

    internal IReadOnlyList<RecordedAttachment> Attachments { get; init; } = [];

    /// <summary>Null when the property was absent (an empty array is an error Graph reports).</summary>
    internal IReadOnlyList<RecordedHeader>? InternetMessageHeaders { get; init; }

    internal string? InternetMessageId { get; init; }

    internal bool IsDeliveryReceiptRequested { get; init; }

    /// <summary>singleValueExtendedProperties PR_DELETE_AFTER_SUBMIT ("Boolean 0x0E01") = true: no Sent Items copy after /send.</summary>
    internal bool DeleteAfterSubmit { get; init; }
}

/// <summary>A Graph error code and message for a request body Graph would refuse.</summary>
internal sealed record MessageProblem(string Code, string Message);
