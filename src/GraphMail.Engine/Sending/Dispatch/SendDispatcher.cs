using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;

namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>
/// Runs sends in parallel within bounds: at most N in flight per sender mailbox and M in all, at most Q waiting
/// (a full queue makes the caller wait). It never calls back into its caller: finished outcomes pile up until the
/// caller takes them on its own thread (Submit/Finish/Stop are pulled by the pipeline thread). Every accepted job
/// ends in exactly one outcome: its send result, Failed for an unexpected exception, or NotSent when stopped first.
/// </summary>
public sealed class SendDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly IMessageSender _sender;
    private readonly DispatchOptions _options;
    private readonly CancellationToken _stop;
    private readonly LinkedList<Job> _queue = new();
    private readonly Dictionary<string, int> _inFlightBySender = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<SendOutcome> _completed = new();
    private readonly SemaphoreSlim _changed = new(0);
    private int _inFlight;
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

    /// <summary>The most messages one sender mailbox ever had in flight at once.</summary>
    public int PeakInFlightPerMailbox { get; private set; }

    public DispatchProgress Progress
    {
        get
        {
            lock (_gate)
            {
                return new DispatchProgress(_accepted, _inFlight, _queue.Count, _sent, _failed, _unknown, _notSent);
            }
        }
    }

    /// <summary>
    /// Accepts a message, waiting while the queue is full; yields the outcomes that finish meanwhile. Throws
    /// OperationCanceledException when stopped before the message was accepted (it then was not).
    /// </summary>
    public IEnumerable<SendOutcome> Submit(int number, OutgoingMessage message, object? input)
    {
        var job = new Job(number, message, input);
        while (true)
        {
            bool accepted;
            lock (_gate)
            {
                _stop.ThrowIfCancellationRequested();
                accepted = _queue.Count < _options.MaxQueued;
                if (accepted)
                {
                    _accepted++;
                    _queue.AddLast(job);
                    StartWhatFits();
                }
            }

            foreach (var outcome in Take())
            {
                yield return outcome;
            }

            if (accepted)
            {
                yield break;
            }

            _changed.Wait(_stop);
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

    /// <summary>Yields every remaining outcome as it finishes, until nothing is queued or in flight.</summary>
    public IEnumerable<SendOutcome> Finish()
    {
        while (true)
        {
            foreach (var outcome in Take())
            {
                yield return outcome;
            }

            lock (_gate)
            {
                if (_queue.Count == 0 && _inFlight == 0 && _completed.Count == 0)
                {
                    yield break;
                }
            }

            _changed.Wait(_stop);
        }
    }

    /// <summary>
    /// After a stop: messages still queued end as NotSent, in-flight ones are waited for (they end on their own,
    /// promptly, as the stop token ends their waits), and every outcome not yet taken is returned.
    /// </summary>
    public IReadOnlyList<SendOutcome> Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            while (_queue.First is { } first)
            {
                _queue.RemoveFirst();
                var job = first.Value;
                Complete(new SendOutcome(job.Number, job.Message.Result(SendStatus.NotSent, 0, TimeSpan.Zero, null, null, NotStarted()), job.Input));
            }
        }

        while (true)
        {
            lock (_gate)
            {
                if (_inFlight == 0)
                {
                    break;
                }
            }

            _changed.Wait();
        }

        return new List<SendOutcome>(Take());
    }

    /// <summary>The outcomes finished so far, without waiting.</summary>
    public IReadOnlyList<SendOutcome> TakeCompleted() => Take();

    public void Dispose() => _changed.Dispose();

    internal static GraphMailException NotStarted() =>
        new(ErrorIds.SendNotStarted, GraphMailErrorKind.OperationStopped,
            "The command was stopped before this message was sent; it was not sent.", "Send it again when you are ready.");

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
        for (var node = _queue.First; node is not null && _inFlight < _options.MaxInFlightTotal && !_stopped && !_stop.IsCancellationRequested;)
        {
            var next = node.Next;
            var sender = node.Value.Message.From.Address;
            _inFlightBySender.TryGetValue(sender, out var mailboxInFlight);
            if (mailboxInFlight < _options.MaxInFlightPerMailbox)
            {
                _queue.Remove(node);
                _inFlight++;
                _inFlightBySender[sender] = ++mailboxInFlight;
                PeakInFlightPerMailbox = Math.Max(PeakInFlightPerMailbox, mailboxInFlight);
                var job = node.Value;
                _ = Task.Run(() => RunAsync(job));
            }

            node = next;
        }
    }

    private async Task RunAsync(Job job)
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
            _inFlight--;
            _inFlightBySender[job.Message.From.Address]--;
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

    private sealed class Job
    {
        internal Job(int number, OutgoingMessage message, object? input)
        {
            Number = number;
            Message = message;
            Input = input;
        }

        internal int Number { get; }
        internal OutgoingMessage Message { get; }
        internal object? Input { get; }
    }
}
