using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Throttling;

/// <summary>Counts requests in flight per key with Interlocked counters (no lock is held while a request runs).</summary>
internal sealed class ConcurrencyGate
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new();

    /// <summary>A lease to release when the request ends, or null when the key already has <paramref name="limit"/> in flight.</summary>
    internal IDisposable? TryEnter(ThrottleKey key, int limit)
    {
        var counter = _counters.GetOrAdd(key.Text, _ => new Counter(key));
        var inFlight = Interlocked.Increment(ref counter.InFlight);
        RaisePeak(counter, inFlight);
        if (inFlight > limit)
        {
            Interlocked.Decrement(ref counter.InFlight);
            Interlocked.Increment(ref counter.Throttled);
            return null;
        }

        return new Lease(counter);
    }

    internal IReadOnlyList<ConcurrencySnapshot> Snapshot() =>
        _counters.Values.Select(c => new ConcurrencySnapshot
        {
            AppId = c.Key.AppId,
            Mailbox = c.Key.Mailbox,
            InFlight = Volatile.Read(ref c.InFlight),
            PeakInFlight = Volatile.Read(ref c.Peak),
            Throttled = Volatile.Read(ref c.Throttled),
        }).OrderBy(s => s.AppId).ThenBy(s => s.Mailbox).ToList();

    /// <summary>Forgets idle keys, peaks and throttle counts; requests in flight stay counted.</summary>
    internal void ResetStatistics()
    {
        foreach (var (key, counter) in _counters)
        {
            if (Volatile.Read(ref counter.InFlight) == 0)
            {
                _counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
                continue;
            }

            Interlocked.Exchange(ref counter.Peak, Volatile.Read(ref counter.InFlight));
            Interlocked.Exchange(ref counter.Throttled, 0);
        }
    }

    private static void RaisePeak(Counter counter, int inFlight)
    {
        var peak = Volatile.Read(ref counter.Peak);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref counter.Peak, inFlight, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private sealed class Counter(ThrottleKey key)
    {
        internal readonly ThrottleKey Key = key;
        internal int InFlight;
        internal int Peak;
        internal int Throttled;
    }

    private sealed class Lease(Counter counter) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref counter.InFlight);
            }
        }
    }
}
