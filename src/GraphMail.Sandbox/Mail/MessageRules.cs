using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>The checks Exchange applies to a message before accepting it: header rules, recipients, size.</summary>
internal static partial class MessageRules
{
    internal const int MaxInternetMessageHeaders = 5;

    /// <summary>Rules for any message, draft or not.</summary>
    internal static MessageProblem? CheckHeaders(OutgoingMessage message)
    {
        if (message.InternetMessageHeaders is not { } headers)
        {
            return null;
        }

        var badName = headers.FirstOrDefault(h => !h.Name.StartsWith("x-", System.StringComparison.OrdinalIgnoreCase));
        if (badName is not null)
        {
            return new MessageProblem("InvalidInternetMessageHeader", $"The internet message header name '{badName.Name}' should start with 'x-' or 'X-'.");
        }

        return headers.Count is 0 or > MaxInternetMessageHeaders
            ? new MessageProblem("InvalidInternetMessageHeaderCollection", "Maximum number of headers in one message should be less than or equal to 5.")
            : null;
    }

    /// <summary>Rules for a message about to be sent: headers, recipients, size against the mailbox's MaxSendSize.</summary>
    internal static MessageProblem? CheckForSending(OutgoingMessage message, IReadOnlyList<RecordedAttachment> attachments, int maxRecipients, long maxSendSize)
    {
        var problem = CheckHeaders(message);
        if (problem is not null)
        {
            return problem;
        }

        var recipients = message.ToRecipients.Concat(message.CcRecipients).Concat(message.BccRecipients).ToList();
        if (recipients.Concat(message.ReplyTo).Any(r => !IsAddress(r.Address)) || (message.From is { } from && !IsAddress(from.Address)))
        {
            return new MessageProblem("ErrorInvalidRecipients", "At least one recipient is not valid.");
        }

        if (recipients.Count == 0)
        {
            return new MessageProblem("ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
        }

        if (recipients.Count > maxRecipients)
        {
            return new MessageProblem("ErrorTooManyRecipients", $"The message has {recipients.Count} recipients; at most {maxRecipients} are allowed.");
        }

        return Size(message, attachments) > maxSendSize
            ? new MessageProblem("ErrorMessageSizeExceeded", "The message exceeds the maximum supported size.")
            : null;
    }

    /// <summary>Body plus attachment bytes (raw, not MIME-encoded: Exchange's own count is about a third larger).</summary>
    internal static long Size(OutgoingMessage message, IReadOnlyList<RecordedAttachment> attachments) =>
        Encoding.UTF8.GetByteCount(message.BodyContent) + attachments.Sum(a => a.Size);

    private static bool IsAddress(string address) => AddressPattern().IsMatch(address);

    [GeneratedRegex(@"^[^@\s<>()\[\]\\,;:""]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex AddressPattern();
}
