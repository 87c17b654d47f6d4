using System;
using GraphMail.Engine.Sending;

namespace GraphMail.Bench.Bulk;

/// <summary>
/// One bulk run: how many messages from one mailbox, the sandbox's latency, and which share of sendMail attempts it
/// answers 429 with Retry-After. <paramref name="Sequential"/> sends them as a script loop does, one command each.
/// </summary>
public sealed record BulkSettings(int Messages, int LatencyMs, bool Sequential = false, double ThrottleRatio = 0, int RetryAfterSeconds = 1, int RandomSeed = 8)
{
    /// <summary>Outlook's concurrency limit per app and mailbox, which the sandbox enforces too.</summary>
    public const int RequestsPerMailbox = SendLimits.MaxInFlightPerMailbox;

    /// <summary>No sender can do better: every message needs one request of the latency, and only 4 may be on the wire.</summary>
    public TimeSpan Floor => TimeSpan.FromMilliseconds((double)Messages * LatencyMs / RequestsPerMailbox);
}
