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
/// Creates the draft both draft paths send (Prefer: IdType="ImmutableId", stamped with the message's Message-ID). A
/// draft cannot send itself, so an ambiguous create (504, a lost connection) is resolved, in either delivery mode, by
/// looking the Message-ID up among the drafts: found, that draft is used (extras deleted); absent, it is created again.
/// Neither a lost message nor an orphan draft follows from an ambiguous create while Drafts can be read.
/// </summary>
internal sealed class DraftCreator
{
    /// <summary>How often one step (create, /send) is tried when each answer is ambiguous and the mailbox says it did not happen.</summary>
    internal const int MaxTries = 4;

    private readonly GraphCaller _caller;
    private readonly MailboxLookup _lookup;

    internal DraftCreator(GraphCaller caller, MailboxLookup lookup)
    {
        _caller = caller;
        _lookup = lookup;
    }

    /// <summary>The new draft's immutable id, or the message's result when there is none (nothing was sent).</summary>
    internal async Task<(string? DraftId, SendResult? Failure)> CreateAsync(OutgoingMessage message, IReadOnlyList<AttachmentFile> onDraft, Stopwatch clock, CancellationToken stop)
    {
        CallOutcome? created = null;
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            using (var body = await MessageJson.DraftAsync(message, onDraft, stop).ConfigureAwait(false))
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
            var (found, unreadable) = await AdoptAsync(message, keep: true, stop).ConfigureAwait(false);
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

            if (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return (null, message.Result(stop.IsCancellationRequested ? SendStatus.NotSent : SendStatus.Failed, 0, clock.Elapsed, created!.RequestId, created.ClientRequestId,
            SendOutcomes.Annotate(SendOutcomes.ErrorOf(message, GraphOperation.CreateDraft, created), "Creating the draft was ambiguous each time and it never appeared in Drafts; nothing was sent.")));
    }

    /// <summary>
    /// The draft carrying the message's Message-ID, if there is one, kept (extras deleted) or, when <paramref name="keep"/>
    /// is false, deleted with the rest; the failed lookup when Drafts cannot be read.
    /// </summary>
    internal async Task<(string? DraftId, CallOutcome? Unreadable)> AdoptAsync(OutgoingMessage message, bool keep, CancellationToken stop)
    {
        var (ids, outcome) = await _lookup.FindAsync(message, "drafts", stop).ConfigureAwait(false);
        if (ids is null)
        {
            return (null, outcome);
        }

        foreach (var extra in ids.Skip(keep ? 1 : 0))
        {
            await _lookup.DeleteAsync(message, extra).ConfigureAwait(false);
        }

        return (keep ? ids.FirstOrDefault() : null, null);
    }
}
