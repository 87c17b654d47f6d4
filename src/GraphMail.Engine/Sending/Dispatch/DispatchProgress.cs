namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>A snapshot of a run, for Write-Progress.</summary>
public sealed class DispatchProgress
{
    internal DispatchProgress(int accepted, int inFlight, int queued, int sent, int failed, int unknown, int notSent)
    {
        Accepted = accepted;
        InFlight = inFlight;
        Queued = queued;
        Sent = sent;
        Failed = failed;
        Unknown = unknown;
        NotSent = notSent;
    }

    public int Accepted { get; }
    public int InFlight { get; }
    public int Queued { get; }
    public int Sent { get; }
    public int Failed { get; }
    public int Unknown { get; }
    public int NotSent { get; }

    public int Completed => Sent + Failed + Unknown + NotSent;

    public override string ToString() =>
        $"{Completed} done ({Sent} sent, {Failed} failed, {Unknown} unknown" + (NotSent > 0 ? $", {NotSent} not sent" : string.Empty) + $"), {InFlight} sending, {Queued} waiting";
}
