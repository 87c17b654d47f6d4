namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>
/// How many messages may be in progress and waiting. Requests on the wire are bounded apart from this, per mailbox, by
/// the send path (<see cref="Paths.MessageSender"/>). Defaults come from <see cref="SendLimits"/>.
/// </summary>
public sealed class DispatchOptions
{
    public int MaxInProgressPerMailbox { get; set; } = SendLimits.MaxMessagesInProgressPerMailbox;

    public int MaxInProgressTotal { get; set; } = SendLimits.MaxMessagesInProgress;

    /// <summary>Messages accepted but not started; a full queue makes the pipeline wait (backpressure).</summary>
    public int MaxQueued { get; set; } = SendLimits.MaxQueuedMessages;
}
