using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Errors;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Payload;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>
/// The large-message path (needs Mail.ReadWrite): create a draft carrying the small attachments that fit, add the
/// other small ones one by one, upload each large one through its own session, then POST /send. Until /send the
/// message cannot go out, so any failure before it deletes the draft and reports Failed (or NotSent when stopped):
/// never a message without its attachment.
/// </summary>
internal sealed class DraftUploadPath
{
    private readonly GraphCaller _caller;
    private readonly AttachmentUploader _uploader;

    internal DraftUploadPath(GraphCaller caller, int chunkBytes)
    {
        _caller = caller;
        _uploader = new AttachmentUploader(caller, chunkBytes);
    }

    /// <param name="readBack">-Delivery ExactlyOnce: after an ambiguous /send the draft is read back and sent again while it is still a draft.</param>
    internal async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop, MailboxLookup? readBack = null)
    {
        Action<HttpRequestMessage>? prefer = readBack is null ? null : MailboxLookup.Immutable;
        var clock = Stopwatch.StartNew();
        var (onDraft, added, uploaded) = Split(message);
        CallOutcome created;
        using (var draftBody = await MessageJson.DraftAsync(message, onDraft, stop).ConfigureAwait(false))
        {
            created = await _caller.CallAsync(
                new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.User(message) + "/messages"), message.From.Address, RequestSafety.Creates, draftBody.Written, "application/json",
                    configure: prefer),
                stop).ConfigureAwait(false);
        }

        if (created.End != CallEnd.Succeeded || UploadSessionJson.String(created.Body, "id") is not { } draftId)
        {
            var error = SendOutcomes.ErrorOf(message, GraphOperation.CreateDraft, created);
            if (created.End == CallEnd.Ambiguous)
            {
                error = SendOutcomes.Annotate(error,
                    $"An unsent draft may be left in the Drafts folder of {message.From.Address}, with the Message-ID {message.InternetMessageId}; delete it if it is there.");
            }

            return Ended(message, created, NotSentOrFailed(created), 0, clock, error);
        }

        (GraphOperation Operation, CallOutcome Outcome)? failure;
        try
        {
            failure = await AddAttachmentsAsync(message, draftId, added, uploaded, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException || (e is OperationCanceledException && stop.IsCancellationRequested))
        {
            var stopped = e is OperationCanceledException;
            var error = stopped
                ? new GraphMailException(ErrorIds.SendNotStarted, GraphMailErrorKind.OperationStopped, "The command was stopped while the attachments were uploading.",
                    "Send it again: it was not sent.")
                : new GraphMailException(ErrorIds.AttachmentUnreadable, GraphMailErrorKind.ResourceUnavailable, "An attachment could not be read while it was uploading: " + e.Message,
                    "Check that the file is not locked or moved while Send-GraphMail runs, then send it again.", e);
            return await AbandonAsync(message, draftId, created, stopped ? SendStatus.NotSent : SendStatus.Failed, 0, clock, error).ConfigureAwait(false);
        }

        if (failure is { } failed)
        {
            var error = SendOutcomes.ErrorOf(message, failed.Operation, failed.Outcome);
            return await AbandonAsync(message, draftId, failed.Outcome, NotSentOrFailed(failed.Outcome), 0, clock, error).ConfigureAwait(false);
        }

        var attempts = 0;
        var ambiguousBefore = false;
        CallOutcome sent;
        for (var tries = 1; ; tries++)
        {
            sent = await _caller.CallAsync(
                new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.Message(message, draftId) + "/send"), message.From.Address, RequestSafety.SendsMail,
                    new ArraySegment<byte>(Array.Empty<byte>()), configure: prefer),
                stop).ConfigureAwait(false);
            attempts += sent.Attempts;
            if (sent.End == CallEnd.Succeeded)
            {
                return Ended(message, sent, SendStatus.Sent, attempts, clock, null);
            }

            var maybeSentBefore = tries > 1 && sent.Status is 400 or 404;
            if (readBack is null || (sent.End != CallEnd.Ambiguous && !maybeSentBefore) || tries > ExactlyOncePath.MaxTries || stop.IsCancellationRequested)
            {
                break;
            }

            // ExactlyOnce: the draft says whether the /send went through; still a draft, /send again.
            ambiguousBefore = true;
            var (state, _) = await readBack.ReadAsync(message, draftId, CancellationToken.None).ConfigureAwait(false);
            if (state == ItemState.Submitted)
            {
                return Ended(message, sent, SendStatus.Sent, attempts, clock, null);
            }

            if (state == ItemState.Unreadable)
            {
                break;
            }
        }

        var sendError = SendOutcomes.ErrorOf(message, GraphOperation.SendDraft, sent);
        if (sent.End != CallEnd.Ambiguous && !ambiguousBefore)
        {
            // Refused or never sent: the draft is of no use and must not be sent by someone later by mistake.
            return await AbandonAsync(message, draftId, sent, SendOutcomes.StatusOf(sent.End), attempts, clock, sendError).ConfigureAwait(false);
        }

        if (sent.End != CallEnd.Ambiguous)
        {
            // ExactlyOnce: refused after an ambiguous /send, and the draft could not be read back to tell.
            return ExactlyOncePath.Unresolved(message, sent, clock, draftId, "its /send was refused after an ambiguous one, and the draft could not be read back");
        }

        // Sent or not, the draft is not GraphMail's to delete now: if it is still in Drafts, the message was not sent.
        sendError = SendOutcomes.Annotate(sendError,
            $"The draft (id {draftId}) was left in the {SendResult.DraftsFolder} folder of {message.From.Address}: if it is still there, the message was not sent (send or delete it there); if it is gone, it was sent.");
        return message.Result(SendStatus.Unknown, attempts, clock.Elapsed, sent.RequestId, sent.ClientRequestId, sendError, draftId);
    }

    /// <summary>Small attachments ride on the draft while the draft request stays under the cap; the rest are added or uploaded.</summary>
    internal static (List<AttachmentFile> OnDraft, List<AttachmentFile> Added, List<AttachmentFile> Uploaded) Split(OutgoingMessage message)
    {
        var text = message.TextJsonBytes;
        var onDraft = new List<AttachmentFile>();
        var added = new List<AttachmentFile>();
        long onDraftBytes = 0;
        foreach (var file in message.Attachments.Where(a => !a.NeedsUploadSession).OrderBy(a => a.Length))
        {
            if (SendLimits.FitsInOneRequest(onDraftBytes + file.Length, text))
            {
                onDraft.Add(file);
                onDraftBytes += file.Length;
            }
            else
            {
                added.Add(file);
            }
        }

        return (onDraft, added, message.Attachments.Where(a => a.NeedsUploadSession).ToList());
    }

    private async Task<(GraphOperation Operation, CallOutcome Outcome)?> AddAttachmentsAsync(
        OutgoingMessage message, string draftId, IEnumerable<AttachmentFile> added, List<AttachmentFile> uploaded, CancellationToken stop)
    {
        foreach (var file in added)
        {
            using var body = await MessageJson.AttachmentAsync(file, stop).ConfigureAwait(false);
            var outcome = await _caller.CallAsync(
                new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.Message(message, draftId) + "/attachments"), message.From.Address, RequestSafety.Creates, body.Written, "application/json"),
                stop).ConfigureAwait(false);
            if (outcome.End != CallEnd.Succeeded)
            {
                return (GraphOperation.AddAttachment, outcome);
            }
        }

        var attached = message.Attachments.Except(uploaded).ToList();
        foreach (var file in uploaded)
        {
            attached.Add(file);
            if (await _uploader.UploadAsync(message, draftId, file, attached.Count(a => a.Name == file.Name), stop).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    /// <summary>
    /// The message was not sent: deletes its draft and returns its result, which names the draft when it could not be deleted.
    /// </summary>
    private async Task<SendResult> AbandonAsync(OutgoingMessage message, string draftId, CallOutcome last, SendStatus status, int attempts, Stopwatch clock, GraphMailException error)
    {
        var failure = await MailboxLookup.DeleteDraftAsync(_caller, message, draftId, configure: null).ConfigureAwait(false);
        var sentence = failure is null
            ? "The draft was deleted; nothing was sent."
            : $"Nothing was sent, but deleting the draft failed too ({failure}); delete the unsent draft (id {draftId}) from the {SendResult.DraftsFolder} folder of {message.From.Address}.";
        return message.Result(status, attempts, clock.Elapsed, last.RequestId, last.ClientRequestId, SendOutcomes.Annotate(error, sentence), failure is null ? null : draftId);
    }

    private static SendStatus NotSentOrFailed(CallOutcome outcome) => outcome.End == CallEnd.Stopped ? SendStatus.NotSent : SendStatus.Failed;

    /// <param name="attempts">Times the sending request (/send) went on the wire; 0 when the path ended before it.</param>
    private static SendResult Ended(OutgoingMessage message, CallOutcome last, SendStatus status, int attempts, Stopwatch clock, GraphMailException? error) =>
        message.Result(status, attempts, clock.Elapsed, last.RequestId, last.ClientRequestId, error);
}
