using System;

namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>
/// How many messages may be in progress and waiting. Requests on the wire are bounded apart from this, per mailbox, by
/// the send path (<see cref="Paths.MessageSender"/>). Defaults come from <see cref="SendLimits"/>.
/// </summary>
public sealed class DispatchOptions
{
    public int MaxInProgressPerMailbox { get; set; } = SendLimits.MaxMessagesInProgressPerMailbox;

    public int MaxInProgressTotal { get; set; } = SendLimits.MaxMessagesInProgress;

    /// <summary>
    /// Request bodies the messages in progress may hold together (<see cref="SendLimits.BytesHeldWhileSending"/>); a
    /// message starts when it fits, or when nothing else is in progress.
    /// </summary>
    public long MaxBytesInProgress { get; set; } = SendLimits.MaxBytesInProgress;

    /// <summary>Messages accepted but not started; a full queue makes the pipeline wait (backpressure).</summary>
    public int MaxQueued { get; set; } = SendLimits.MaxQueuedMessages;

    /// <summary>
    /// Results are written in input order; at most this many messages may be accepted ahead of the oldest result not
    /// yet written (one message waiting out a long Retry-After holds the pipeline back only this far).
    /// </summary>
    public int MaxAhead { get; set; } = SendLimits.MaxMessagesAheadOfOutput;

    /// <summary>
    /// When the command ends early, how long messages whose request is on the wire are waited for; after that they are
    /// Unknown (they may have been sent), so Ctrl+C never waits for a slow network.
    /// </summary>
    public TimeSpan StopGrace { get; set; } = SendLimits.StopGrace;
}
