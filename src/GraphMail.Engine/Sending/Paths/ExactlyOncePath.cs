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
/// -Delivery ExactlyOnce for a message that fits one request: a draft stamped with the message's Message-ID (created
/// with Prefer: IdType="ImmutableId"), then /send. An ambiguous create is resolved by looking the Message-ID up among
/// the drafts (create again only when absent; extra drafts deleted); an ambiguous /send by reading the draft's
/// immutable id (still a draft: /send again, which cannot deliver an item twice; not a draft or gone: Sent).
/// With a journal, the draft id is on disk before /send, and a rerun finishes what an earlier run left.
/// </summary>
internal sealed class ExactlyOncePath
{
    /// <summary>How often one step (create, /send) is tried when each answer is ambiguous and the mailbox says it did not happen.</summary>
    internal const int MaxTries = 4;

    private readonly GraphCaller _caller;
    private readonly MailboxLookup _lookup;

    internal ExactlyOncePath(GraphCaller caller, MailboxLookup lookup)
    {
        _caller = caller;
        _lookup = lookup;
    }

    internal async Task<SendResult> SendAsync(OutgoingMessage message, JournalRecord? earlier, SendJournal? journal, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        string? draftId = null;
        if (earlier is { Status: JournalStatus.Drafted or JournalStatus.Unknown, DraftId: { } known })
        {
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
            var (found, outcome) = await AdoptDraftAsync(message, stop).ConfigureAwait(false);
            if (outcome is not null)
            {
                return Unresolved(message, outcome, clock, null, "the Drafts folder could not be searched for its Message-ID");
            }

            draftId = found;
        }

        if (draftId is null)
        {
            journal?.Write(message, JournalStatus.Creating);
            var created = await CreateAsync(message, clock, stop).ConfigureAwait(false);
            if (created.Failure is { } failure)
            {
                return failure;
            }

            draftId = created.DraftId!;
        }

        journal?.Write(message, JournalStatus.Drafted, draftId);
        return await SendDraftAsync(message, draftId, clock, stop).ConfigureAwait(false);
    }

    private async Task<(string? DraftId, SendResult? Failure)> CreateAsync(OutgoingMessage message, Stopwatch clock, CancellationToken stop)
    {
        CallOutcome? created = null;
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            using (var body = await MessageJson.DraftAsync(message, message.Attachments, stop).ConfigureAwait(false))
            {
                created = await _caller.CallAsync(
                    new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.User(message) + "/messages"), message.From.Address, RequestSafety.Creates,
                        body.Written, "application/json", configure: MailboxLookup.Immutable), stop).ConfigureAwait(false);
            }

            if (created.End == CallEnd.Succeeded && UploadSessionJson.String(created.Body, "id") is { } id)
            {
                return (id, null);
            }

            if (created.End != CallEnd.Ambiguous)
            {
                var status = created.End == CallEnd.Stopped ? SendStatus.NotSent : SendStatus.Failed;
                return (null, message.Result(status, 0, clock.Elapsed, created.RequestId, created.ClientRequestId, SendOutcomes.ErrorOf(message, GraphOperation.CreateDraft, created)));
            }

            // The draft may exist: look its Message-ID up rather than guess.
            var (found, unreadable) = await AdoptDraftAsync(message, stop).ConfigureAwait(false);
            if (found is not null)
            {
                return (found, null);
            }

            if (unreadable is not null)
            {
                var error = SendOutcomes.Annotate(SendOutcomes.ErrorOf(message, GraphOperation.CreateDraft, created),
                    $"The Drafts folder of {message.From.Address} could not be searched either: a draft with the Message-ID {message.InternetMessageId} may be left there, unsent; delete it if it is.");
                return (null, message.Result(SendStatus.Failed, 0, clock.Elapsed, unreadable.RequestId, unreadable.ClientRequestId, error));
            }
        }

        return (null, message.Result(SendStatus.Failed, 0, clock.Elapsed, created!.RequestId, created.ClientRequestId,
            SendOutcomes.Annotate(SendOutcomes.ErrorOf(message, GraphOperation.CreateDraft, created), $"Creating the draft was ambiguous {MaxTries} times and it never appeared in Drafts; nothing was sent.")));
    }

    /// <summary>The draft carrying the message's Message-ID, if there is one (extras deleted); the failed lookup when Drafts cannot be read.</summary>
    private async Task<(string? DraftId, CallOutcome? Unreadable)> AdoptDraftAsync(OutgoingMessage message, CancellationToken stop)
    {
        var (ids, outcome) = await _lookup.FindAsync(message, "drafts", stop).ConfigureAwait(false);
        if (ids is null)
        {
            return (null, outcome);
        }

        foreach (var extra in ids.Skip(1))
        {
            await _lookup.DeleteAsync(message, extra).ConfigureAwait(false);
        }

        return (ids.FirstOrDefault(), null);
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
    private async Task<SendResult> AbandonAsync(OutgoingMessage message, string draftId, CallOutcome sent, int attempts, Stopwatch clock)
    {
        var refused = SendOutcomes.ErrorOf(message, GraphOperation.SendDraft, sent);
        var deleted = await _lookup.DeleteAsync(message, draftId).ConfigureAwait(false);
        return message.Result(SendOutcomes.StatusOf(sent.End), attempts, clock.Elapsed, sent.RequestId, sent.ClientRequestId,
            SendOutcomes.Annotate(refused, deleted ? "The draft was deleted; nothing was sent." : $"Nothing was sent; delete the unsent draft (id {draftId}) from Drafts."),
            deleted ? null : draftId);
    }

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
