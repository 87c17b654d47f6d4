using System;
using System.Collections.Concurrent;

namespace GraphMail.Sandbox.Throttling;

/// <summary>Requests allowed per key in fixed 10-minute windows (Outlook's 10,000 per app and mailbox).</summary>
internal sealed class RequestBudget(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Usage> _usage = new();

    /// <summary>Null when the request fits the budget; otherwise the seconds until the window resets.</summary>
    internal int? TrySpend(ThrottleKey key, int budget)
    {
        var now = clock.GetUtcNow();
        var usage = _usage.GetOrAdd(key.Text, _ => new Usage(now));
        lock (usage)
        {
            if (now - usage.WindowStart >= Window)
            {
                usage.WindowStart = now;
                usage.Count = 0;
            }

            if (usage.Count >= budget)
            {
                return Math.Max(1, (int)Math.Ceiling((usage.WindowStart + Window - now).TotalSeconds));
            }

            usage.Count++;
            return null;
        }
    }

    internal void Reset() => _usage.Clear();

    private sealed class Usage(DateTimeOffset windowStart)
    {
        internal DateTimeOffset WindowStart = windowStart;
        internal int Count;
    }
}
