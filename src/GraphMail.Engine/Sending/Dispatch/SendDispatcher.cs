using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;

namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>What <see cref="SendDispatcher.Next"/> waits for when the next result in order is not ready.</summary>
public enum DispatchWait
{
    /// <summary>Nothing: return what is ready.</summary>
    None,

    /// <summary>Room for one more message (the queue and the distance ahead of the output are bounded).</summary>
    Room,

    /// <summary>Every result, until all have been written.</summary>
    All,
}

/// <summary>
/// Runs sends in parallel within bounds (at most N messages in progress per sender mailbox, M in all holding at most B
/// bytes of request bodies, Q waiting) and
/// hands their results to the pipeline thread one at a time, in message order. It never calls back into its caller.
/// Every accepted message ends in exactly one result, recorded once: its send result; Unknown for an unexpected
/// exception (it may have been sent) or a request still on the wire when the command ended; NotSent when it never
/// started. A result counts as written only once the caller says so (<see cref="MarkWritten"/>), so a pipeline that
/// stops while a result is being written still has it among <see cref="Halt"/>'s unwritten ones.
/// </summary>
public sealed class SendDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<IMessageSender> _connect;
    private readonly DispatchOptions _options;
    private readonly CancellationToken _stop;
    private readonly CancellationTokenSource _halt;
    private readonly CancellationTokenRegistration _wakeOnStop;
    private readonly LinkedList<Job> _queue = new();
    private readonly Dictionary<int, Job> _running = new();
    private readonly Dictionary<string, int> _inProgressBySender = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SendResult?> _results = new();
    private readonly int[] _byStatus = new int[Enum.GetValues(typeof(SendStatus)).Length];
    private IMessageSender? _sender;
    private int _written;
    private long _bytesInProgress;
    private bool _halted;

    /// <param name="connect">Makes the send path on the first message that is really sent (never for -WhatIf).</param>
    /// <param name="stop">Cancelled on Ctrl+C: nothing new starts, waits end, a request on the wire finishes.</param>
    public SendDispatcher(Func<IMessageSender> connect, DispatchOptions options, CancellationToken stop)
    {
        _connect = connect;
        _options = options;
        _stop = stop;
        _halt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _wakeOnStop = stop.Register(Pulse);
    }

    /// <summary>The most messages one sender mailbox ever had in progress at once.</summary>
    public int PeakInProgressPerMailbox { get; private set; }

    /// <summary>The most messages ever in progress at once, all mailboxes together.</summary>
    public int PeakInProgress { get; private set; }

    public DispatchProgress Progress
    {
        get
        {
            lock (_gate)
            {
                return new DispatchProgress(_results.Count, _running.Count, _queue.Count,
                    _byStatus[(int)SendStatus.Sent], _byStatus[(int)SendStatus.Failed], _byStatus[(int)SendStatus.Unknown], _byStatus[(int)SendStatus.NotSent]);
            }
        }
    }

    /// <summary>Every result decided so far, in message order (all of them once the run has ended).</summary>
    public IReadOnlyList<SendResult> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.Where(r => r is not null).Select(r => r!).ToList();
            }
        }
    }

    /// <summary>Adds a result decided without sending (a message that failed its checks, or was declined).</summary>
    public void Record(int number, SendResult result)
    {
        lock (_gate)
        {
            Open(number);
            Decide(number, result);
        }
    }

    /// <summary>
    /// Accepts a checked message; it starts as soon as its mailbox and the run have room. Never waits (the caller
    /// waits for room with <see cref="Next"/>). After a stop or <see cref="Halt"/> the message ends as NotSent at once.
    /// The first call makes the send path, on the caller's thread, so a missing connection is the caller's error.
    /// </summary>
    public void Submit(int number, OutgoingMessage message, int inputIndex, object? input)
    {
        _sender ??= _connect();
        var job = new Job(number, message, inputIndex, input);
        lock (_gate)
        {
            Open(number);
            if (_halted || _stop.IsCancellationRequested)
            {
                Decide(number, NotSent(job));
                return;
            }

            _queue.AddLast(job);
            StartWhatFits();
        }
    }

    /// <summary>
    /// The next result in message order once it is decided, or null when <paramref name="wait"/> is satisfied
    /// without one. The result stays the next one until <see cref="MarkWritten"/>. Throws OperationCanceledException
    /// when the command is stopped while it would wait.
    /// </summary>
    public SendResult? Next(DispatchWait wait)
    {
        lock (_gate)
        {
            while (true)
            {
                if (_written < _results.Count && _results[_written] is { } ready)
                {
                    return ready;
                }

                if (wait == DispatchWait.None || (wait == DispatchWait.Room && HasRoom) || (wait == DispatchWait.All && _written == _results.Count))
                {
                    return null;
                }

                _stop.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>The caller has written <paramref name="result"/> (the one <see cref="Next"/> returned) to the pipeline.</summary>
    public void MarkWritten(SendResult result)
    {
        lock (_gate)
        {
            if (_written < _results.Count && ReferenceEquals(_results[_written], result))
            {
                _written++;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Ends the run early: messages not started end as NotSent, retry waits and uploads stop, requests on the wire are
    /// waited for (at most <see cref="DispatchOptions.StopGrace"/>; after that their messages are Unknown). Returns
    /// every result not yet written, in message order. Nothing starts afterwards.
    /// </summary>
    public IReadOnlyList<SendResult> Halt()
    {
        lock (_gate)
        {
            _halted = true;
            foreach (var job in _queue)
            {
                Decide(job.Number, NotSent(job));
            }

            _queue.Clear();
        }

        _halt.Cancel();
        var deadline = DateTime.UtcNow + _options.StopGrace;
        lock (_gate)
        {
            while (_running.Count > 0 && deadline - DateTime.UtcNow is { } left && left > TimeSpan.Zero)
            {
                Monitor.Wait(_gate, left);
            }

            foreach (var job in _running.Values.ToList())
            {
                Finish(job, job.Message.Result(SendStatus.Unknown, 0, _options.StopGrace, null, null, StillOnTheWire(job.Message)));
            }

            return _results.Skip(_written).Select(r => r!).ToList();
        }
    }

    public void Dispose()
    {
        _wakeOnStop.Dispose();
        _halt.Cancel();
        _halt.Dispose();
    }

    internal static GraphMailException NotStarted() =>
        new(ErrorIds.SendNotStarted, GraphMailErrorKind.OperationStopped,
            "The command ended before this message was sent; it was not sent.", "It is safe to send it again.");

    private static GraphMailException StillOnTheWire(OutgoingMessage message) =>
        new(ErrorIds.SendOutcomeUnknown, GraphMailErrorKind.OperationTimeout,
            $"The command ended while this message's request was still on the wire, and no answer came in time: it is not known whether it was sent. Its Message-ID is {message.InternetMessageId}.",
            $"Look for that Message-ID in the sender's Sent Items or a message trace (Get-MessageTraceV2 -MessageId '{message.InternetMessageId}') before sending it again.");

    private static SendResult NotSent(Job job) =>
        job.Message.Result(SendStatus.NotSent, 0, TimeSpan.Zero, null, null, NotStarted()).WithInput(job.InputIndex, job.Input);

    private bool HasRoom => _queue.Count < _options.MaxQueued && _results.Count - _written < _options.MaxAhead;

    private void Open(int number)
    {
        if (number != _results.Count + 1)
        {
            throw new InvalidOperationException($"Message {number} came out of order; {_results.Count + 1} was next.");
        }

        _results.Add(null);
    }

    private void Decide(int number, SendResult result)
    {
        if (_results[number - 1] is null)
        {
            _results[number - 1] = result;
            _byStatus[(int)result.Status]++;
            Monitor.PulseAll(_gate);
        }
    }

    private void StartWhatFits()
    {
        for (var node = _queue.First; node is not null && _running.Count < _options.MaxInProgressTotal && !_halted && !_stop.IsCancellationRequested;)
        {
            var next = node.Next;
            var sender = node.Value.Message.From.Address;
            _inProgressBySender.TryGetValue(sender, out var mailboxInProgress);
            if (mailboxInProgress < _options.MaxInProgressPerMailbox && (_running.Count == 0 || _bytesInProgress + node.Value.Bytes <= _options.MaxBytesInProgress))
            {
                _queue.Remove(node);
                var job = node.Value;
                _running.Add(job.Number, job);
                _bytesInProgress += job.Bytes;
                _inProgressBySender[sender] = ++mailboxInProgress;
                PeakInProgressPerMailbox = Math.Max(PeakInProgressPerMailbox, mailboxInProgress);
                PeakInProgress = Math.Max(PeakInProgress, _running.Count);
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
            result = await _sender!.SendAsync(job.Message, _halt.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            result = job.Message.Result(SendStatus.Unknown, 0, TimeSpan.Zero, null, null, new GraphMailException(
                ErrorIds.UnexpectedError, GraphMailErrorKind.InvalidOperation,
                $"Sending failed unexpectedly ({e.Message}); it is not known whether the message was sent. Its Message-ID is {job.Message.InternetMessageId}.",
                "Look for that Message-ID in the sender's Sent Items before sending it again, and report this as a GraphMail bug.", e));
        }

        lock (_gate)
        {
            Finish(job, result);
            StartWhatFits();
        }
    }

    /// <summary>The one end of a started message: the first of its send result and the stop's verdict wins.</summary>
    private void Finish(Job job, SendResult result)
    {
        if (_running.Remove(job.Number))
        {
            _bytesInProgress -= job.Bytes;
            _inProgressBySender[job.Message.From.Address]--;
            Decide(job.Number, result.WithInput(job.InputIndex, job.Input));
        }
    }

    private void Pulse()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private sealed class Job
    {
        internal Job(int number, OutgoingMessage message, int inputIndex, object? input)
        {
            Number = number;
            Message = message;
            InputIndex = inputIndex;
            Input = input;
            Bytes = SendLimits.BytesHeldWhileSending(message.AttachmentBytes, message.TextJsonBytes);
        }

        internal int Number { get; }

        internal OutgoingMessage Message { get; }

        internal int InputIndex { get; }

        internal object? Input { get; }

        /// <summary>Request body this message holds while in progress.</summary>
        internal long Bytes { get; }
    }
}
