using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>
/// Turns one message's parameters into an <see cref="OutgoingMessage"/>, or throws the GraphMailException that names
/// the first bad value. Everything is checked here, before any network call.
/// </summary>
public static class MessageBuilder
{
    /// <summary>As <see cref="Build(MailParameters, string?, Func{string, IReadOnlyList{string}}, bool, int)"/>, each path naming one file.</summary>
    public static OutgoingMessage Build(MailParameters parameters, string? defaultFrom, Func<string, string> resolvePath, bool senderMayBeUnknown = false,
        int maxRecipients = SendLimits.MaxRecipients) =>
        Build(parameters, defaultFrom, path => new[] { resolvePath(path) }, senderMayBeUnknown, maxRecipients);

    /// <param name="parameters">The message's parameters (a record's over the command line's).</param>
    /// <param name="defaultFrom">The connection's default sender, used when -From is not given.</param>
    /// <param name="resolvePaths">Turns a path as the user wrote it into the full file-system paths it names (a wildcard pattern: its matches, maybe none).</param>
    /// <param name="senderMayBeUnknown">Not connected (a -WhatIf preview): without -From the sender is left blank, not refused.</param>
    public static OutgoingMessage Build(MailParameters parameters, string? defaultFrom, Func<string, IReadOnlyList<string>> resolvePaths, bool senderMayBeUnknown = false,
        int maxRecipients = SendLimits.MaxRecipients)
    {
        TextChecks.RefuseNul(parameters);
        var from = senderMayBeUnknown && defaultFrom is null && MailParameters.IsBlank(parameters.From)
            ? new MailRecipient(string.Empty, null)
            : Sender(parameters.From, defaultFrom);
        var to = MailAddressParser.ParseAll(parameters.To, "To");
        if (to.Count == 0)
        {
            throw new GraphMailException(ErrorIds.RecipientRequired, GraphMailErrorKind.InvalidArgument,
                "The message has no To recipient.", "Give at least one address to -To.");
        }

        var cc = MailAddressParser.ParseAll(parameters.Cc, "Cc");
        var bcc = MailAddressParser.ParseAll(parameters.Bcc, "Bcc");
        var replyTo = MailAddressParser.ParseAll(parameters.ReplyTo, "ReplyTo");
        var recipients = to.Count + cc.Count + bcc.Count;
        if (recipients > maxRecipients)
        {
            throw new GraphMailException(ErrorIds.TooManyRecipients, GraphMailErrorKind.LimitsExceeded,
                $"The message has {recipients} recipients (To, Cc and Bcc together); at most {maxRecipients} are allowed per message " +
                $"(-MaxRecipientsPerMessage; Exchange Online's default is {SendLimits.MaxRecipients}, and an admin can raise it to {SendLimits.MaxRecipientsCeiling}). Nothing was sent.",
                "Split the recipients over several messages, send to a distribution group, or raise -MaxRecipientsPerMessage if your mailbox's limit is higher.");
        }

        var body = parameters.Body ?? string.Empty;
        var subject = parameters.Subject ?? string.Empty;
        var textJsonBytes = TextChecks.JsonBytes(subject) + TextChecks.JsonBytes(body);
        TextChecks.RefuseOversizedText(textJsonBytes);
        var headers = HeaderRules.Check(parameters.Header);
        var attachments = AttachmentChecks.Check(parameters.Attachments, parameters.InlineAttachment, resolvePaths);
        var html = parameters.BodyAsHtml ?? false;
        var warnings = InlineIds.Unreferenced(attachments.Where(a => a.IsInline).Select(a => a.ContentId!), body, html).ToList();

        return new OutgoingMessage(
            from,
            to,
            cc,
            bcc,
            replyTo,
            subject,
            body,
            html,
            CompatibilityNotes.ImportanceOf(parameters.Priority),
            CompatibilityNotes.AsksForDeliveryReceipt(parameters.DeliveryNotificationOption),
            headers,
            attachments,
            parameters.SaveToSentItems ?? true,
            "<" + Guid.NewGuid().ToString("N") + "@" + (from.Domain.Length == 0 ? "sender.invalid" : from.Domain) + ">",
            warnings,
            textJsonBytes);
    }

    private static MailRecipient Sender(string? from, string? defaultFrom)
    {
        var given = string.IsNullOrWhiteSpace(from) ? defaultFrom : from;
        if (string.IsNullOrWhiteSpace(given))
        {
            throw new GraphMailException(ErrorIds.SenderRequired, GraphMailErrorKind.InvalidArgument,
                "The message has no sender: -From was not given and the connection has no default sender.",
                "Pass -From sender@contoso.com, or connect with Connect-GraphMail -DefaultFrom sender@contoso.com.");
        }

        var senders = MailAddressParser.ParseAll(new[] { given! }, "From");
        if (senders.Count != 1)
        {
            throw new GraphMailException(ErrorIds.InvalidEmailAddress, GraphMailErrorKind.InvalidArgument,
                $"-From '{given}' names {senders.Count} addresses; a message has one sender mailbox.",
                "Pass one sending mailbox's address to -From, such as noreply@contoso.com.").Targeting(given);
        }

        return senders[0];
    }
}
