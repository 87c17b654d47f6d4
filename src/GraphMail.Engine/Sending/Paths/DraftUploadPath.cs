using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Errors;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Journal;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Payload;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>
/// The large-message path (needs Mail.ReadWrite): create a draft carrying the small attachments that fit, add the
/// other small ones one by one, upload each large one through its own session, then POST /send. Until /send the
/// message cannot go out, so any failure before it deletes the draft and reports Failed (or NotSent when stopped):
/// never a message without its attachment. An ambiguous create is resolved by the draft's Message-ID
/// (<see cref="DraftCreator"/>). This is -Delivery AtMostOnce: an ambiguous /send is not repeated and leaves Unknown,
/// naming the draft (-Delivery ExactlyOnce reads it back instead: <see cref="ExactlyOncePath"/>). With a journal, the
/// draft's id is on disk before /send, so a rerun reads the draft back rather than guess.
/// </summary>
internal sealed class DraftUploadPath
{
    private readonly GraphCaller _caller;
    private readonly AttachmentUploader _uploader;
    private readonly DraftCreator _creator;

    internal DraftUploadPath(GraphCaller caller, int chunkBytes, DraftCreator creator)
    {
        _caller = caller;
        _uploader = new AttachmentUploader(caller, chunkBytes);
        _creator = creator;
    }

    internal async Task<SendResult> SendAsync(OutgoingMessage message, SendJournal? journal, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        journal?.Write(message, JournalStatus.Creating);
        var (draftId, failure) = await _creator.CreateAsync(message, Split(message).OnDraft, clock, stop).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (await AttachAsync(message, draftId!, clock, stop).ConfigureAwait(false) is { } abandoned)
        {
            return abandoned;
        }

        journal?.Write(message, JournalStatus.Drafted, draftId);
        var sent = await _caller.CallAsync(
            new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.Message(message, draftId!) + "/send"), message.From.Address, RequestSafety.SendsMail,
                new ArraySegment<byte>(Array.Empty<byte>()), configure: MailboxLookup.Immutable),
            stop).ConfigureAwait(false);
        if (sent.End == CallEnd.Succeeded)
        {
            return Ended(message, sent, SendStatus.Sent, sent.Attempts, clock, null);
        }

        var sendError = SendOutcomes.ErrorOf(message, GraphOperation.SendDraft, sent);
        if (sent.End != CallEnd.Ambiguous)
        {
            // Refused or never sent: the draft is of no use and must not be sent by someone later by mistake.
            return await AbandonAsync(message, draftId!, sent, SendOutcomes.StatusOf(sent.End), sent.Attempts, clock, sendError).ConfigureAwait(false);
        }

        // Sent or not, the draft is not GraphMail's to delete now: if it is still in Drafts, the message was not sent.
        sendError = SendOutcomes.Annotate(sendError,
            $"The draft (id {draftId}) was left in the {SendResult.DraftsFolder} folder of {message.From.Address}: if it is still there, the message was not sent (send or delete it there, or run the command again with the same -Journal); if it is gone, it was sent.");
        return message.Result(SendStatus.Unknown, sent.Attempts, clock.Elapsed, sent.RequestId, sent.ClientRequestId, sendError, draftId);
    }

    /// <summary>
    /// Puts on the draft the attachments that did not ride on it: null when the draft is complete; otherwise the
    /// message's result (not sent), the draft deleted.
    /// </summary>
    internal async Task<SendResult?> AttachAsync(OutgoingMessage message, string draftId, Stopwatch clock, CancellationToken stop)
    {
        var (_, added, uploaded) = Split(message);
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
            return await AbandonAsync(message, draftId, null, stopped ? SendStatus.NotSent : SendStatus.Failed, 0, clock, error).ConfigureAwait(false);
        }

        if (failure is { } failed)
        {
            var error = SendOutcomes.ErrorOf(message, failed.Operation, failed.Outcome);
            return await AbandonAsync(message, draftId, failed.Outcome, NotSentOrFailed(failed.Outcome), 0, clock, error).ConfigureAwait(false);
        }

        return null;
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
        var attached = message.Attachments.Except(uploaded).Except(added).ToList();
        foreach (var file in added)
        {
            attached.Add(file);
            if (await AddAsync(message, draftId, file, attached.Count(a => a.Name == file.Name), stop).ConfigureAwait(false) is { } failed)
            {
                return (GraphOperation.AddAttachment, failed);
            }
        }

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
    /// Adds one small attachment: null once it is on the draft. After an ambiguous answer the draft's attachments say
    /// whether it arrived (adding it again blindly could attach it twice); when they cannot be read, it fails.
    /// </summary>
    private async Task<CallOutcome?> AddAsync(OutgoingMessage message, string draftId, AttachmentFile file, int onDraftWhenDone, CancellationToken stop)
    {
        using var body = await MessageJson.AttachmentAsync(file, stop).ConfigureAwait(false);
        for (var tries = 1; ; tries++)
        {
            var outcome = await _caller.CallAsync(
                new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.Message(message, draftId) + "/attachments"), message.From.Address, RequestSafety.Creates, body.Written, "application/json"),
                stop).ConfigureAwait(false);
            if (outcome.End == CallEnd.Succeeded)
            {
                return null;
            }

            if (outcome.End != CallEnd.Ambiguous || tries >= DraftCreator.MaxTries || stop.IsCancellationRequested)
            {
                return outcome;
            }

            switch (await _uploader.IsOnDraftAsync(message, draftId, file, onDraftWhenDone, stop).ConfigureAwait(false))
            {
                case true:
                    return null;
                case null:
                    return outcome;
            }
        }
    }

    /// <summary>
    /// The message was not sent: deletes its draft and returns its result, which names the draft when it could not be deleted.
    /// </summary>
    internal async Task<SendResult> AbandonAsync(OutgoingMessage message, string draftId, CallOutcome? last, SendStatus status, int attempts, Stopwatch clock, GraphMailException error)
    {
        var failure = await MailboxLookup.DeleteDraftAsync(_caller, message, draftId, MailboxLookup.Immutable).ConfigureAwait(false);
        var sentence = failure is null
            ? "The draft was deleted; nothing was sent."
            : $"Nothing was sent, but deleting the draft failed too ({failure}); delete the unsent draft (id {draftId}) from the {SendResult.DraftsFolder} folder of {message.From.Address}.";
        return message.Result(status, attempts, clock.Elapsed, last?.RequestId, last?.ClientRequestId, SendOutcomes.Annotate(error, sentence), failure is null ? null : draftId);
    }

    private static SendStatus NotSentOrFailed(CallOutcome outcome) => outcome.End == CallEnd.Stopped ? SendStatus.NotSent : SendStatus.Failed;

    /// <param name="attempts">Times the sending request (/send) went on the wire; 0 when the path ended before it.</param>
    private static SendResult Ended(OutgoingMessage message, CallOutcome last, SendStatus status, int attempts, Stopwatch clock, GraphMailException? error) =>
        message.Result(status, attempts, clock.Elapsed, last.RequestId, last.ClientRequestId, error);
}
