using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// Requests on the wire per sender mailbox, shared by every message of a run. Outlook's limit (4 concurrent requests
/// per app and mailbox) counts requests, not messages: an attempt holds a slot from just before it is sent until its
/// answer has been read, and a message waiting out a Retry-After holds none, so the other messages keep the wire busy.
/// </summary>
internal sealed class WireGate
{
    private readonly int _slotsPerMailbox;
    private readonly ConcurrentDictionary<string, Mailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _count = new();
    private int _peak;

    internal WireGate(int slotsPerMailbox) => _slotsPerMailbox = slotsPerMailbox;

    /// <summary>The most requests one mailbox ever had on the wire at once.</summary>
    internal int PeakPerMailbox
    {
        get
        {
            lock (_count)
            {
                return _peak;
            }
        }
    }

    /// <summary>Waits for a free slot of <paramref name="mailbox"/>. Dispose the slot once the answer has been read.</summary>
    internal async Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        var box = _mailboxes.GetOrAdd(mailbox, _ => new Mailbox(_slotsPerMailbox));
        await box.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);

        // SemaphoreSlim cancels a queued waiter asynchronously: a Release() that comes first still grants the slot to
        // a waiter whose token was cancelled. After a stop, nothing new may go on the wire, so give such a slot back.
        if (cancellationToken.IsCancellationRequested)
        {
            box.Slots.Release();
            cancellationToken.ThrowIfCancellationRequested();
        }

        lock (_count)
        {
            _peak = Math.Max(_peak, ++box.OnWire);
        }

        return new Slot(this, box);
    }

    private void Leave(Mailbox box)
    {
        lock (_count)
        {
            box.OnWire--;
        }

        box.Slots.Release();
    }

    private sealed class Mailbox
    {
        internal readonly SemaphoreSlim Slots;
        internal int OnWire;

        internal Mailbox(int slots) => Slots = new SemaphoreSlim(slots, slots);
    }

    private sealed class Slot(WireGate gate, Mailbox mailbox) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Leave(mailbox);
            }
        }
    }
}
