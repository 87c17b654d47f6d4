using System;
using System.Collections.Generic;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>A message leaving its mailbox (sendMail or /send): the recipient rate limit, the record tests read, the Sent Items copy.</summary>
internal static class Submission
{
    /// <summary>Exchange's answer when the mailbox has reached its daily recipient limit; null when it may send.</summary>
    internal static SandboxResponse? Refuse(SandboxState state, SandboxRequest request, MailboxGrant grant, OutgoingMessage message)
    {
        var limit = state.Settings.MaxRecipientsPerDay;
        var recipients = message.ToRecipients.Count + message.CcRecipients.Count + message.BccRecipients.Count;
        return state.RecipientRate.TryAdmit(grant.Mailbox.Id.ToString(), recipients, state.Clock.GetUtcNow(), limit)
            ? null
            : GraphErrors.Create(request, 403, RecipientRate.ErrorCode, RecipientRate.Message(limit));
    }

    internal static RecordedMessage Submit(SandboxState state, SandboxRequest request, MailboxGrant grant, OutgoingMessage message,
        IReadOnlyList<RecordedAttachment> attachments, bool saveToSentItems, string path, string sentItemId)
    {
        var recorded = MessageRecorder.Record(state, request, grant, message, attachments, saveToSentItems, path);
        var now = state.Clock.GetUtcNow();
        state.SentItems.Add(new SentItem(sentItemId, grant, message, attachments, recorded.InternetMessageId, saveToSentItems, now,
            now + TimeSpan.FromMilliseconds(state.Settings.SentItemsDelayMs)));
        return recorded;
    }
}
