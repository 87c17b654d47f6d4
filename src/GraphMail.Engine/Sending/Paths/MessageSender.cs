using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Journal;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>Sends a message on the path its size calls for, and turns anything unexpected into a Failed result.</summary>
public sealed class MessageSender : IMessageSender
{
    private readonly SendMailPath _sendMail;
    private readonly DraftUploadPath _draftUpload;
    private readonly WireGate _wire;
    private readonly MailboxLookup _lookup;
    private readonly ExactlyOncePath _exactlyOnce;
    private readonly DeliveryMode _mode;
    private readonly SendJournal? _journal;

    /// <param name="requestsPerMailbox">Requests on the wire at once per sender mailbox, across all messages sent through this sender.</param>
    /// <param name="mode">-Delivery: AtMostOnce (sendMail) or ExactlyOnce (a draft, then /send, ambiguity resolved by reading the mailbox).</param>
    /// <param name="journal">-Journal: written before each request that could send, and read to finish what earlier runs left.</param>
    public MessageSender(IGraphChannel channel, RetryOptions? retry = null, int chunkBytes = SendLimits.UploadChunkBytes,
        int requestsPerMailbox = SendLimits.MaxInFlightPerMailbox, DeliveryMode mode = DeliveryMode.AtMostOnce, SendJournal? journal = null)
    {
        _wire = new WireGate(requestsPerMailbox);
        var caller = new GraphCaller(channel, retry ?? new RetryOptions(), _wire);
        _sendMail = new SendMailPath(caller);
        _lookup = new MailboxLookup(caller);
        var creator = new DraftCreator(caller, _lookup);
        _draftUpload = new DraftUploadPath(caller, chunkBytes, creator);
        _exactlyOnce = new ExactlyOncePath(caller, _lookup, creator, _draftUpload);
        _mode = mode;
        _journal = journal;
    }

    /// <summary>The most requests one sender mailbox had on the wire at once.</summary>
    public int PeakOnWirePerMailbox => _wire.PeakPerMailbox;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop)
    {
        try
        {
            var result = await SendOnPathAsync(message, stop).ConfigureAwait(false);
            _journal?.TryWrite(message, Final(result.Status), result.DraftId);
            return result;
        }
        catch (GraphMailException e)
        {
            // The connection could not get a token, for example: nothing was sent.
            return message.Result(SendStatus.Failed, 0, TimeSpan.Zero, e.RequestId, e.ClientRequestId, e);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return message.Result(SendStatus.NotSent, 0, TimeSpan.Zero, null, null, new GraphMailException(
                ErrorIds.SendNotStarted, GraphMailErrorKind.OperationStopped, "The command was stopped before this message was sent; it was not sent.",
                "Send it again: its InputIndex in the results says which input it was."));
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            return message.Result(SendStatus.Failed, 0, TimeSpan.Zero, null, null, new GraphMailException(
                ErrorIds.AttachmentUnreadable, GraphMailErrorKind.ResourceUnavailable,
                "An attachment could not be read while the message was being sent: " + e.Message + " Nothing was sent.", null, e));
        }
    }

    /// <summary>
    /// The path for this message and what earlier runs left of it: ExactlyOnce (or a draft an earlier run left, in
    /// either mode) through a draft that is read back; an earlier Unknown sendMail resolved through Sent Items; else
    /// sendMail or the large-message path.
    /// </summary>
    private async Task<SendResult> SendOnPathAsync(OutgoingMessage message, CancellationToken stop)
    {
        var earlier = _journal?.EarlierByMessageId(message.InternetMessageId);
        var draftLeft = earlier is { Status: JournalStatus.Creating or JournalStatus.Drafted } || earlier is { Status: JournalStatus.Unknown, DraftId: not null };
        if (_mode == DeliveryMode.ExactlyOnce || draftLeft)
        {
            return await _exactlyOnce.SendAsync(message, earlier, _journal, stop).ConfigureAwait(false);
        }

        if (earlier is { Status: JournalStatus.Planned or JournalStatus.Unknown })
        {
            return await SentItemsResolution.ResolveAsync(_lookup, message, System.Diagnostics.Stopwatch.StartNew(), stop).ConfigureAwait(false);
        }

        if (message.Path == SendPath.DraftUpload)
        {
            return await _draftUpload.SendAsync(message, _journal, stop).ConfigureAwait(false);
        }

        _journal?.Write(message, JournalStatus.Planned);
        return await _sendMail.SendAsync(message, stop).ConfigureAwait(false);
    }

    private static JournalStatus Final(SendStatus status) => status switch
    {
        SendStatus.Sent => JournalStatus.Sent,
        SendStatus.Failed => JournalStatus.Failed,
        SendStatus.NotSent => JournalStatus.NotSent,
        _ => JournalStatus.Unknown,
    };
}
