using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>Sends a message on the path its size calls for, and turns anything unexpected into a Failed result.</summary>
public sealed class MessageSender : IMessageSender
{
    private readonly SendMailPath _sendMail;
    private readonly DraftUploadPath _draftUpload;
    private readonly WireGate _wire;

    /// <param name="requestsPerMailbox">Requests on the wire at once per sender mailbox, across all messages sent through this sender.</param>
    public MessageSender(IGraphChannel channel, RetryOptions? retry = null, int chunkBytes = SendLimits.UploadChunkBytes,
        int requestsPerMailbox = SendLimits.MaxInFlightPerMailbox)
    {
        _wire = new WireGate(requestsPerMailbox);
        var caller = new GraphCaller(channel, retry ?? new RetryOptions(), _wire);
        _sendMail = new SendMailPath(caller);
        _draftUpload = new DraftUploadPath(caller, chunkBytes);
    }

    /// <summary>The most requests one sender mailbox had on the wire at once.</summary>
    public int PeakOnWirePerMailbox => _wire.PeakPerMailbox;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop)
    {
        try
        {
            return message.Path == SendPath.SendMail
                ? await _sendMail.SendAsync(message, stop).ConfigureAwait(false)
                : await _draftUpload.SendAsync(message, stop).ConfigureAwait(false);
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
}
