using System;
using System.Collections.Generic;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>Turns an accepted message into the record tests read back.</summary>
internal static class MessageRecorder
{
    internal const string SendMailPath = "sendMail";
    internal const string DraftSendPath = "draftSend";

    internal static RecordedMessage Record(
        SandboxState state, SandboxRequest request, MailboxGrant grant, OutgoingMessage message,
        IReadOnlyList<RecordedAttachment> attachments, bool saveToSentItems, string path)
    {
        var recorded = new RecordedMessage
        {
            Id = MessageIds.New(),
            SenderMailbox = grant.Mailbox.UserPrincipalName,
            From = message.From,
            ToRecipients = message.ToRecipients,
            CcRecipients = message.CcRecipients,
            BccRecipients = message.BccRecipients,
            ReplyTo = message.ReplyTo,
            Subject = message.Subject,
            BodyContentType = message.BodyContentType,
            BodyContent = message.BodyContent,
            Importance = message.Importance,
            Attachments = attachments,
            InternetMessageHeaders = message.InternetMessageHeaders ?? [],
            InternetMessageId = string.IsNullOrEmpty(message.InternetMessageId) ? $"<{Guid.NewGuid()}@sandbox>" : message.InternetMessageId,
            SaveToSentItems = saveToSentItems,
            IsDeliveryReceiptRequested = message.IsDeliveryReceiptRequested,
            ClientRequestId = request.ClientRequestId,
            RequestId = request.RequestId,
            AppId = request.Caller!.AppId,
            ReceivedAt = request.ReceivedAt,
            Path = path,
        };
        state.Messages.Add(recorded);
        return recorded;
    }
}
