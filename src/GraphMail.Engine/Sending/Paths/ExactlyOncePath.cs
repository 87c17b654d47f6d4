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
/// -Delivery ExactlyOnce, on either path: a draft stamped with the message's Message-ID (created with
/// Prefer: IdType="ImmutableId"; an ambiguous create resolved by <see cref="DraftCreator"/>), its remaining attachments
/// put on it (a large message), then /send. An ambiguous /send is resolved by reading the draft's immutable id (still
/// a draft: /send again, which cannot deliver an item twice; not a draft or gone: Sent). With a journal, the draft id
/// is on disk before /send, and a rerun finishes what an earlier run left (in either mode).
/// </summary>
internal sealed class ExactlyOncePath
{
    /// <summary>How often /send is tried when each answer is ambiguous and the draft says it did not happen.</summary>
    internal const int MaxTries = DraftCreator.MaxTries;

    private readonly GraphCaller _caller;
    private readonly MailboxLookup _lookup;
    private readonly DraftCreator _creator;
    private readonly DraftUploadPath _draftUpload;

    internal ExactlyOncePath(GraphCaller caller, MailboxLookup lookup, DraftCreator creator, DraftUploadPath draftUpload)
    {
        _caller = caller;
        _lookup = lookup;
        _creator = creator;
        _draftUpload = draftUpload;
    }

    internal async Task<SendResult> SendAsync(OutgoingMessage message, JournalRecord? earlier, SendJournal? journal, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var large = message.Path == SendPath.DraftUpload;
        string? draftId = null;
        if (earlier is { Status: JournalStatus.Drafted or JournalStatus.Unknown, DraftId: { } known })
        {
            // Drafted is written once the draft is complete, right before /send.
            var (state, read) = await _lookup.ReadAsync(message, known, stop).ConfigureAwait(false);
            switch (state)
            {
                case ItemState.Submitted:
                    return message.Result(SendStatus.Sent, 0, clock.Elapsed, read.RequestId, read.ClientRequestId, null);
                case ItemState.Unreadable:
                    return Unresolved(message, read, clock, known, "its draft could not be read back");
                default:
                    draftId = known;
                    break;
            }
        }
        else if (earlier is { Status: JournalStatus.Planned or JournalStatus.Unknown })
        {
            // An earlier run sent it with sendMail (AtMostOnce) and did not learn the outcome: only Sent Items can tell.
            return await SentItemsResolution.ResolveAsync(_lookup, message, clock, stop).ConfigureAwait(false);
        }
        else if (earlier is not null)
        {
            // An earlier run stopped before /send (Creating, or Failed with its draft left): nothing was sent. A small
            // message's draft is whole as created and is used; a large one's may lack attachments and is made again.
            var (found, outcome) = await _creator.AdoptAsync(message, keep: !large, stop).ConfigureAwait(false);
            if (outcome is not null)
            {
                return Unresolved(message, outcome, clock, null, "the Drafts folder could not be searched for its Message-ID");
            }

            draftId = found;
        }

        if (draftId is null)
        {
            journal?.Write(message, JournalStatus.Creating);
            var (created, failure) = await _creator.CreateAsync(message, large ? DraftUploadPath.Split(message).OnDraft : message.Attachments, clock, stop).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            draftId = created!;
            if (large && await _draftUpload.AttachAsync(message, draftId, clock, stop).ConfigureAwait(false) is { } abandoned)
            {
                return abandoned;
            }
        }

        journal?.Write(message, JournalStatus.Drafted, draftId);
        return await SendDraftAsync(message, draftId, clock, stop).ConfigureAwait(false);
    }

    private async Task<SendResult> SendDraftAsync(OutgoingMessage message, string draftId, Stopwatch clock, CancellationToken stop)
    {
        var attempts = 0;
        CallOutcome sent = null!;
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            sent = await _caller.CallAsync(
                new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.Message(message, draftId) + "/send"), message.From.Address, RequestSafety.SendsMail,
                    new ArraySegment<byte>(Array.Empty<byte>()), configure: MailboxLookup.Immutable), stop).ConfigureAwait(false);
            attempts += sent.Attempts;
            if (sent.End == CallEnd.Succeeded)
            {
                return message.Result(SendStatus.Sent, attempts, clock.Elapsed, sent.RequestId, sent.ClientRequestId, null);
            }

            if (sent.End != CallEnd.Ambiguous && attempt == 1 && sent.Status is not (400 or 404))
            {
                // Refused outright: nothing was sent; the draft is of no use and must not be sent later by mistake.
                return await AbandonAsync(message, draftId, sent, attempts, clock).ConfigureAwait(false);
            }

            // Ambiguous, or refused as a /send of an item no longer a draft is (an earlier or concurrent /send got there
            // first: 404 in transit, 400 in Sent Items): the item says which.
            var (state, read) = await _lookup.ReadAsync(message, draftId, CancellationToken.None).ConfigureAwait(false);
            if (state == ItemState.Submitted)
            {
                return message.Result(SendStatus.Sent, attempts, clock.Elapsed, sent.RequestId, sent.ClientRequestId, null);
            }

            if (state == ItemState.Unreadable)
            {
                return Unresolved(message, read, clock, draftId, "its draft could not be read back after an ambiguous /send");
            }

            if (sent.End != CallEnd.Ambiguous)
            {
                // Refused, and still a draft: Graph will not send it. Nothing was sent.
                return await AbandonAsync(message, draftId, sent, attempts, clock).ConfigureAwait(false);
            }

            if (stop.IsCancellationRequested)
            {
                break;
            }
        }

        // Still a draft after every try: not sent. It stays in Drafts so a rerun with the journal finishes it.
        return message.Result(stop.IsCancellationRequested ? SendStatus.NotSent : SendStatus.Failed, attempts, clock.Elapsed, sent.RequestId, sent.ClientRequestId,
            SendOutcomes.Annotate(SendOutcomes.ErrorOf(message, GraphOperation.SendDraft, sent),
                $"The draft (id {draftId}) is still in Drafts, so the message was not sent; run the command again with the same -Journal to send it, or send or delete it there."),
            draftId);
    }

    /// <summary>A /send Graph refused for a draft still there: the draft is deleted (so no one sends it later by mistake) and the message is not sent.</summary>
    private Task<SendResult> AbandonAsync(OutgoingMessage message, string draftId, CallOutcome sent, int attempts, Stopwatch clock) =>
        _draftUpload.AbandonAsync(message, draftId, sent, SendOutcomes.StatusOf(sent.End), attempts, clock, SendOutcomes.ErrorOf(message, GraphOperation.SendDraft, sent));

    internal static SendResult Unresolved(OutgoingMessage message, CallOutcome read, Stopwatch clock, string? draftId, string why) =>
        message.Result(SendStatus.Unknown, 0, clock.Elapsed, read.RequestId, read.ClientRequestId,
            new GraphMailException(ErrorIds.SendOutcomeUnknown, GraphMailErrorKind.ResourceUnavailable,
                    $"It is not known whether the message was sent: {why} (HTTP {read.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? read.Failure?.Message}). " +
                    $"GraphMail does not send it again blindly. Its Message-ID is {message.InternetMessageId}.",
                    "Check that the app has Mail.ReadWrite on the sender's mailbox, then run the command again with the same -Journal; or look for the Message-ID in Sent Items.",
                    read.Failure)
                .WithService(null, read.Status, read.RequestId, read.ClientRequestId),
            draftId);
}
