namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>How many messages may be on the wire and waiting. Defaults come from <see cref="SendLimits"/>.</summary>
public sealed class DispatchOptions
{
    public int MaxInFlightPerMailbox { get; set; } = SendLimits.MaxInFlightPerMailbox;

    public int MaxInFlightTotal { get; set; } = SendLimits.MaxInFlightTotal;

    /// <summary>Messages accepted but not started; a full queue makes the pipeline wait (backpressure).</summary>
    public int MaxQueued { get; set; } = SendLimits.MaxQueuedMessages;
}
