using System;
using System.Threading;

namespace GraphMail.Engine.Sending.Retry;

/// <summary>The attempts and waiting time one request has left.</summary>
public sealed class RetryBudget
{
    private static int _seed = Environment.TickCount;
    private readonly RetryOptions _options;
    private readonly Random _jitter = new(Interlocked.Increment(ref _seed));
    private TimeSpan _waited;

    public RetryBudget(RetryOptions options) => _options = options;

    public int Attempts { get; private set; }

    public TimeSpan Waited => _waited;

    /// <summary>Counts an attempt about to go on the wire.</summary>
    public void CountAttempt() => Attempts++;

    /// <summary>
    /// The wait before the next attempt, or null when the budget is spent. A Retry-After is honoured as given; without
    /// one the wait doubles from BaseDelay, with up to 20% jitter so parallel senders do not retry in step.
    /// </summary>
    public TimeSpan? NextWait(TimeSpan? retryAfter)
    {
        if (Attempts >= _options.MaxAttempts)
        {
            return null;
        }

        TimeSpan wait;
        if (retryAfter is { } given)
        {
            wait = given;
        }
        else
        {
            var exponent = Math.Min(Math.Max(Attempts - 1, 0), 10);
            var baseTicks = _options.BaseDelay.Ticks * (1L << exponent);
            wait = TimeSpan.FromTicks(baseTicks + (long)(baseTicks * 0.2 * _jitter.NextDouble()));
        }

        if (_waited + wait > _options.MaxTotalWait)
        {
            return null;
        }

        _waited += wait;
        return wait;
    }
}
