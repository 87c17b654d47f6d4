using System;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Retry;

/// <summary>How long one request may keep being retried. Every limit is a bound: attempts, one wait, all waits.</summary>
public sealed class RetryOptions
{
    /// <summary>Times one request may be put on the wire, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>All waits of one request together; a Retry-After that does not fit ends the retries.</summary>
    public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The first wait when the service gave no Retry-After; it doubles each time (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How a wait is spent. Tests may record or shorten it; it must honour the token.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (wait, token) => Task.Delay(wait, token);
}
