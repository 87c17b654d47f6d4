using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Validation;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>The dispatcher with a fake send path whose sends finish only when the test says so.</summary>
public sealed class SendDispatcherTests
{
    /// <summary>Not a timing assertion: a bug fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private static OutgoingMessage Message(string from) =>
        MessageBuilder.Build(Parameters(("To", "a@fabrikam.com"), ("From", from)), null, Path.GetFullPath);

    private static List<SendResult> TakeAll(SendDispatcher dispatcher)
    {
        var taken = new List<SendResult>();
        while (dispatcher.Next(DispatchWait.All) is { } result)
        {
            taken.Add(result);
            dispatcher.MarkWritten(result);
        }

        return taken;
    }

    [Fact]
    public void MessagesInProgressAreBoundedPerMailboxAndInAll()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions { MaxInProgressPerMailbox = 2, MaxInProgressTotal = 3, MaxQueued = 100 }, CancellationToken.None);

        for (var i = 1; i <= 4; i++)
        {
            dispatcher.Submit(i, Message("one@contoso.com"), i - 1, i);
        }

        dispatcher.Submit(5, Message("two@contoso.com"), 4, 5);
        sender.WaitForStarted(3);

        Assert.Equal(new[] { "one@contoso.com", "one@contoso.com", "two@contoso.com" }, sender.Started.Select(m => m.From.Address).OrderBy(a => a));
        Assert.Equal(3, dispatcher.Progress.InFlight);
        Assert.Equal(2, dispatcher.Progress.Queued);

        sender.ReleaseAll();

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, TakeAll(dispatcher).Select(r => r.InputIndex));
        Assert.Equal(2, dispatcher.PeakInProgressPerMailbox);
    }

    [Fact]
    public void TenMailboxesHaveMoreMessagesInProgressThanOneMailboxMay()
    {
        // Outlook's limit is per mailbox: ten mailboxes, six messages each, all start at once with the default bounds.
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions(), CancellationToken.None);
        for (var i = 1; i <= 60; i++)
        {
            dispatcher.Submit(i, Message($"sender{i % 10:00}@contoso.com"), i - 1, null);
        }

        sender.WaitForStarted(60);

        Assert.Equal(60, dispatcher.Progress.InFlight);
        Assert.Equal(0, dispatcher.Progress.Queued);
        Assert.Equal(6, dispatcher.PeakInProgressPerMailbox);
        sender.ReleaseAll();
        Assert.Equal(60, TakeAll(dispatcher).Count(r => r.Status == SendStatus.Sent));
        Assert.Equal(60, dispatcher.PeakInProgress);
    }

    [Fact]
    public void RequestBodiesInProgressAreBoundedInBytesAcrossMailboxes()
    {
        using var files = new TestFiles();
        var attachment = files.Sparse("one-mebibyte.bin", 1024 * 1024);
        OutgoingMessage WithAttachment(string from) =>
            MessageBuilder.Build(Parameters(("To", "a@fabrikam.com"), ("From", from), ("Attachments", attachment)), null, Path.GetFullPath);
        var each = SendLimits.BytesHeldWhileSending(WithAttachment("x@contoso.com").AttachmentBytes, WithAttachment("x@contoso.com").TextJsonBytes);
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions { MaxBytesInProgress = 3 * each }, CancellationToken.None);
        for (var i = 1; i <= 10; i++)
        {
            dispatcher.Submit(i, WithAttachment($"sender{i:00}@contoso.com"), i - 1, null);
        }

        sender.WaitForStarted(3);

        Assert.Equal(3, dispatcher.Progress.InFlight);
        Assert.Equal(7, dispatcher.Progress.Queued);
        sender.ReleaseAll();
        Assert.Equal(10, TakeAll(dispatcher).Count(r => r.Status == SendStatus.Sent));
        Assert.Equal(3, dispatcher.PeakInProgress);
    }

    [Fact]
    public void AMessageLargerThanTheByteBoundStillStartsWhenNothingElseIsInProgress()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions { MaxBytesInProgress = 1 }, CancellationToken.None);
        dispatcher.Submit(1, Message("one@contoso.com"), 0, null);
        dispatcher.Submit(2, Message("two@contoso.com"), 1, null);

        sender.WaitForStarted(1);

        Assert.Equal(1, dispatcher.Progress.InFlight);
        sender.ReleaseAll();
        Assert.Equal(new[] { 0, 1 }, TakeAll(dispatcher).Select(r => r.InputIndex));
        Assert.Equal(1, dispatcher.PeakInProgress);
    }

    [Fact]
    public async Task ResultsComeOutInInputOrderWhateverOrderTheyFinishIn()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions(), CancellationToken.None);
        dispatcher.Submit(1, Message("one@contoso.com"), 0, "first");
        dispatcher.Submit(2, Message("two@contoso.com"), 1, "second");
        sender.WaitForStarted(2);

        sender.Release(m => m.From.Address == "two@contoso.com");
        await sender.WhenFinished(1).WaitAsync(HangGuard);

        Assert.Null(dispatcher.Next(DispatchWait.None));
        sender.ReleaseAll();
        Assert.Equal(new object[] { "first", "second" }, TakeAll(dispatcher).Select(r => r.InputObject));
    }

    [Fact]
    public async Task AFullQueueOrAResultTooFarBehindMakesTheCallerWait()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions { MaxInProgressPerMailbox = 1, MaxInProgressTotal = 1, MaxQueued = 1, MaxAhead = 3 }, CancellationToken.None);
        dispatcher.Submit(1, Message("one@contoso.com"), 0, null);
        sender.WaitForStarted(1);
        Assert.Null(dispatcher.Next(DispatchWait.Room));
        dispatcher.Submit(2, Message("one@contoso.com"), 1, null);

        var waiting = Task.Run(() => dispatcher.Next(DispatchWait.Room));
        // A negative check: it can only pass too easily on a slow machine, never fail spuriously.
        await Task.WhenAny(waiting, Task.Delay(50));
        Assert.False(waiting.IsCompleted, "the caller waits while one message is in flight and one is queued");

        sender.ReleaseOne();
        var first = await waiting.WaitAsync(HangGuard);
        Assert.Equal(0, first!.InputIndex);
        dispatcher.MarkWritten(first);
        sender.ReleaseAll();
        Assert.Equal(new[] { 1 }, TakeAll(dispatcher).Select(r => r.InputIndex));
    }

    [Fact]
    public void AnUnexpectedExceptionIsOneUnknownResult()
    {
        using var dispatcher = new SendDispatcher(() => new ThrowingSender(), new DispatchOptions(), CancellationToken.None);

        dispatcher.Submit(1, Message("one@contoso.com"), 7, "input");
        var result = Assert.Single(TakeAll(dispatcher));

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(ErrorIds.UnexpectedError, result.Error!.ErrorId);
        Assert.Contains(result.InternetMessageId, result.Error.Message);
        Assert.Equal(("input", 7), (result.InputObject, result.InputIndex));
    }

    [Fact]
    public async Task HaltEndsQueuedMessagesAsNotSentAndWaitsForInFlightOnes()
    {
        var sender = new HeldSender();
        using var stop = new CancellationTokenSource();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions { MaxInProgressPerMailbox = 1, MaxQueued = 10 }, stop.Token);
        for (var i = 1; i <= 3; i++)
        {
            dispatcher.Submit(i, Message("one@contoso.com"), i - 1, null);
        }

        sender.WaitForStarted(1);
        stop.Cancel();
        Assert.Throws<OperationCanceledException>(() => dispatcher.Next(DispatchWait.All));
        dispatcher.Submit(4, Message("one@contoso.com"), 3, null);
        var halting = Task.Run(dispatcher.Halt);
        await Task.WhenAny(halting, Task.Delay(50));
        Assert.False(halting.IsCompleted, "Halt waits for the send in flight");
        sender.ReleaseAll();
        var rest = await halting.WaitAsync(HangGuard);

        Assert.Equal(new[] { SendStatus.Sent, SendStatus.NotSent, SendStatus.NotSent, SendStatus.NotSent }, rest.Select(r => r.Status));
        Assert.Single(sender.Started);
        Assert.Equal(4, dispatcher.Results.Count);
    }

    [Fact]
    public async Task ARequestStillOnTheWireAfterTheGraceIsUnknownAndItsLateAnswerIsIgnored()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(() => sender, new DispatchOptions { StopGrace = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);
        dispatcher.Submit(1, Message("one@contoso.com"), 0, null);
        sender.WaitForStarted(1);

        var result = Assert.Single(dispatcher.Halt());
        sender.ReleaseAll();
        await sender.WhenFinished(1).WaitAsync(HangGuard);

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(ErrorIds.SendOutcomeUnknown, result.Error!.ErrorId);
        Assert.Same(result, Assert.Single(dispatcher.Results));
    }

    [Fact]
    public void AResultCountsAsWrittenOnlyWhenTheCallerSaysSo()
    {
        using var dispatcher = new SendDispatcher(() => new HeldSender(), new DispatchOptions(), CancellationToken.None);
        var failed = Message("one@contoso.com").Result(SendStatus.Failed, 0, TimeSpan.Zero, null, null, null).WithInput(0, "row");
        dispatcher.Record(1, failed);

        Assert.Same(failed, dispatcher.Next(DispatchWait.None));
        Assert.Same(failed, dispatcher.Next(DispatchWait.None));
        Assert.Same(failed, Assert.Single(dispatcher.Halt()));
        Assert.Equal(1, dispatcher.Progress.Failed);
    }

    private sealed class HeldSender : IMessageSender
    {
        private readonly BlockingCollection<TaskCompletionSource> _held = new();
        private readonly ConcurrentDictionary<OutgoingMessage, TaskCompletionSource> _byMessage = new();
        private readonly SemaphoreSlim _finished = new(0);
        private readonly SemaphoreSlim _started = new(0);
        private volatile bool _releaseAll;

        internal ConcurrentQueue<OutgoingMessage> Started { get; } = new();

        public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Started.Enqueue(message);
            if (!_releaseAll)
            {
                _byMessage[message] = release;
                _held.Add(release);
                _started.Release();
                await release.Task;
            }
            else
            {
                _started.Release();
            }

            _finished.Release();
            return message.Result(SendStatus.Sent, 1, TimeSpan.Zero, null, null, null);
        }

        /// <summary>Completes once <paramref name="count"/> sends have returned their result.</summary>
        internal async Task WhenFinished(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await _finished.WaitAsync();
            }
        }

        internal void Release(Func<OutgoingMessage, bool> which)
        {
            foreach (var pair in _byMessage.Where(p => which(p.Key)))
            {
                pair.Value.TrySetResult();
            }
        }

        internal void WaitForStarted(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(_started.Wait(TimeSpan.FromSeconds(30)), "a send started");
            }
        }

        internal void ReleaseOne()
        {
            Assert.True(_held.TryTake(out var held, HangGuard), "a send is held");
            held!.TrySetResult();
        }

        internal void ReleaseAll()
        {
            _releaseAll = true;
            while (_held.TryTake(out var held))
            {
                held.TrySetResult();
            }
        }
    }

    private sealed class ThrowingSender : IMessageSender
    {
        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop) => throw new InvalidOperationException("boom");
    }
}
