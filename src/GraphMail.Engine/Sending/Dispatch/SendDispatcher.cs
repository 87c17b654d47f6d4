using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;

namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>
/// Runs sends in parallel within bounds: at most N messages in progress per sender mailbox and M in all, at most Q
/// waiting (a full queue makes the caller wait). Requests on the wire are the send path's bound, not this one's.
/// It never calls back into its caller: finished outcomes pile up until the caller takes them on its own thread
/// (Submit/Finish/Stop are pulled by the pipeline thread). Every accepted job ends in exactly one outcome: its send
/// result, Failed for an unexpected exception, or NotSent when stopped first.
/// </summary>
public sealed class SendDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly IMessageSender _sender;
    private readonly DispatchOptions _options;
    private readonly CancellationToken _stop;
    private readonly LinkedList<(int Number, OutgoingMessage Message, object? Input)> _queue = new();
    private readonly Dictionary<string, int> _inProgressBySender = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<SendOutcome> _completed = new();
    private readonly SemaphoreSlim _changed = new(0);
    private int _inProgress;
    private int _accepted;
    private int _sent;
    private int _failed;
    private int _unknown;
    private int _notSent;
    private bool _stopped;

    /// <param name="stop">Cancelled on Ctrl+C: nothing new starts, waits end, a send on the wire finishes.</param>
    public SendDispatcher(IMessageSender sender, DispatchOptions options, CancellationToken stop)
    {
        _sender = sender;
        _options = options;
        _stop = stop;
    }

    /// <summary>The most messages one sender mailbox ever had in progress at once.</summary>
    public int PeakInProgressPerMailbox { get; private set; }

    public DispatchProgress Progress
    {
        get
        {
            lock (_gate)
            {
                return new DispatchProgress(_accepted, _inProgress, _queue.Count, _sent, _failed, _unknown, _notSent);
            }
        }
    }

    /// <summary>
    /// Accepts a message, waiting while the queue is full, and yields the outcomes that finish meanwhile. When the
    /// run is stopped first, the message ends as NotSent (its outcome is yielded like any other).
    /// </summary>
    public IEnumerable<SendOutcome> Submit(int number, OutgoingMessage message, object? input)
    {
        var job = (Number: number, Message: message, Input: input);
        while (true)
        {
            bool done;
            lock (_gate)
            {
                done = _stop.IsCancellationRequested || _stopped || _queue.Count < _options.MaxQueued;
                _accepted += done ? 1 : 0;
                if (done && (_stop.IsCancellationRequested || _stopped))
                {
                    Complete(NotSent(job));
                }
                else if (done)
                {
                    _queue.AddLast(job);
                    StartWhatFits();
                }
            }

            foreach (var outcome in Take())
            {
                yield return outcome;
            }

            if (done)
            {
                yield break;
            }

            WaitForChange(orStop: true);
        }
    }

    /// <summary>Adds an outcome decided without sending (a message that failed its checks), in order with the rest.</summary>
    public void Record(SendOutcome outcome)
    {
        lock (_gate)
        {
            _accepted++;
            Complete(outcome);
        }
    }

    /// <summary>
    /// No more messages: yields every remaining outcome as it finishes. After a stop, queued messages end as NotSent
    /// and in-flight ones are waited for (they end promptly: the stop token ends their waits).
    /// </summary>
    public IEnumerable<SendOutcome> Finish()
    {
        while (true)
        {
            if (_stop.IsCancellationRequested)
            {
                StopQueued();
            }

            foreach (var outcome in Take())
            {
                yield return outcome;
            }

            lock (_gate)
            {
                if (_queue.Count == 0 && _inProgress == 0 && _completed.Count == 0)
                {
                    yield break;
                }
            }

            WaitForChange(orStop: !_stop.IsCancellationRequested);
        }
    }

    /// <summary>
    /// For a pipeline that can no longer be written to: queued messages end as NotSent, in-flight ones are waited
    /// for, and every outcome not yet taken is returned.
    /// </summary>
    public IReadOnlyList<SendOutcome> Stop()
    {
        StopQueued();
        while (true)
        {
            lock (_gate)
            {
                if (_inProgress == 0)
                {
                    break;
                }
            }

            WaitForChange(orStop: false);
        }

        return Take();
    }

    /// <summary>The outcomes finished so far, without waiting.</summary>
    public IReadOnlyList<SendOutcome> TakeCompleted() => Take();

    public void Dispose() => _changed.Dispose();

    internal static GraphMailException NotStarted() =>
        new(ErrorIds.SendNotStarted, GraphMailErrorKind.OperationStopped,
            "The command was stopped before this message was sent; it was not sent.", "Send it again when you are ready.");

    private static SendOutcome NotSent((int Number, OutgoingMessage Message, object? Input) job) =>
        new(job.Number, job.Message.Result(SendStatus.NotSent, 0, TimeSpan.Zero, null, null, NotStarted()), job.Input);

    private void StopQueued()
    {
        lock (_gate)
        {
            _stopped = true;
            while (_queue.First is { } first)
            {
                _queue.RemoveFirst();
                Complete(NotSent(first.Value));
            }
        }
    }

    /// <summary>Waits for an outcome (each one releases the semaphore once), or for the stop when asked to.</summary>
    private void WaitForChange(bool orStop)
    {
        if (_changed.Wait(0))
        {
            return;
        }

        if (orStop)
        {
            WaitHandle.WaitAny(new[] { _changed.AvailableWaitHandle, _stop.WaitHandle });
            _changed.Wait(0);
        }
        else
        {
            _changed.Wait();
        }
    }

    private List<SendOutcome> Take()
    {
        lock (_gate)
        {
            var taken = new List<SendOutcome>(_completed);
            _completed.Clear();
            return taken;
        }
    }

    private void StartWhatFits()
    {
        for (var node = _queue.First; node is not null && _inProgress < _options.MaxInProgressTotal && !_stopped && !_stop.IsCancellationRequested;)
        {
            var next = node.Next;
            var sender = node.Value.Message.From.Address;
            _inProgressBySender.TryGetValue(sender, out var mailboxInProgress);
            if (mailboxInProgress < _options.MaxInProgressPerMailbox)
            {
                _queue.Remove(node);
                _inProgress++;
                _inProgressBySender[sender] = ++mailboxInProgress;
                PeakInProgressPerMailbox = Math.Max(PeakInProgressPerMailbox, mailboxInProgress);
                var job = node.Value;
                _ = Task.Run(() => RunAsync(job));
            }

            node = next;
        }
    }

    private async Task RunAsync((int Number, OutgoingMessage Message, object? Input) job)
    {
        SendResult result;
        try
        {
            result = await _sender.SendAsync(job.Message, _stop).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            result = job.Message.Result(SendStatus.Failed, 0, TimeSpan.Zero, null, null, new GraphMailException(
                ErrorIds.UnexpectedError, GraphMailErrorKind.InvalidOperation, "Sending failed unexpectedly: " + e.Message, null, e));
        }

        lock (_gate)
        {
            _inProgress--;
            _inProgressBySender[job.Message.From.Address]--;
            Complete(new SendOutcome(job.Number, result, job.Input));
            StartWhatFits();
        }
    }

    private void Complete(SendOutcome outcome)
    {
        switch (outcome.Result.Status)
        {
            case SendStatus.Sent: _sent++; break;
            case SendStatus.Failed: _failed++; break;
            case SendStatus.Unknown: _unknown++; break;
            default: _notSent++; break;
        }

        _completed.Enqueue(outcome);
        _changed.Release();
    }
}
