using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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

    [Fact]
    public void MessagesInProgressAreBoundedPerMailboxAndInAll()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(sender, new DispatchOptions { MaxInProgressPerMailbox = 2, MaxInProgressTotal = 3, MaxQueued = 100 }, CancellationToken.None);

        for (var i = 1; i <= 4; i++)
        {
            Assert.Empty(dispatcher.Submit(i, Message("one@contoso.com"), i).ToList());
        }

        Assert.Empty(dispatcher.Submit(5, Message("two@contoso.com"), 5).ToList());
        sender.WaitForStarted(3);

        Assert.Equal(new[] { "one@contoso.com", "one@contoso.com", "two@contoso.com" }, sender.Started.Select(m => m.From.Address).OrderBy(a => a));
        Assert.Equal(3, dispatcher.Progress.InFlight);
        Assert.Equal(2, dispatcher.Progress.Queued);

        sender.ReleaseAll();
        var outcomes = dispatcher.Finish().ToList();

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, outcomes.Select(o => o.Number).OrderBy(n => n));
        Assert.Equal(2, dispatcher.PeakInProgressPerMailbox);
    }

    [Fact]
    public async Task AFullQueueMakesTheCallerWait()
    {
        var sender = new HeldSender();
        using var dispatcher = new SendDispatcher(sender, new DispatchOptions { MaxInProgressPerMailbox = 1, MaxInProgressTotal = 1, MaxQueued = 1 }, CancellationToken.None);
        dispatcher.Submit(1, Message("one@contoso.com"), null).ToList();
        sender.WaitForStarted(1);
        dispatcher.Submit(2, Message("one@contoso.com"), null).ToList();

        var third = Task.Run(() => dispatcher.Submit(3, Message("one@contoso.com"), null).ToList());
        // A negative check: it can only pass too easily on a slow machine, never fail spuriously.
        await Task.WhenAny(third, Task.Delay(50));
        Assert.False(third.IsCompleted, "the third message waits while one is in flight and one is queued");

        sender.ReleaseOne();
        var yielded = await third.WaitAsync(HangGuard);

        Assert.Equal(1, Assert.Single(yielded).Number);
        sender.ReleaseAll();
        Assert.Equal(new[] { 2, 3 }, dispatcher.Finish().Select(o => o.Number).OrderBy(n => n));
    }

    [Fact]
    public void AnUnexpectedExceptionIsOneFailedOutcome()
    {
        using var dispatcher = new SendDispatcher(new ThrowingSender(), new DispatchOptions(), CancellationToken.None);

        dispatcher.Submit(1, Message("one@contoso.com"), "input").ToList();
        var outcome = Assert.Single(dispatcher.Finish());

        Assert.Equal(SendStatus.Failed, outcome.Result.Status);
        Assert.Equal(ErrorIds.UnexpectedError, outcome.Result.Error!.ErrorId);
        Assert.Equal("input", outcome.Input);
    }

    [Fact]
    public async Task StopEndsQueuedMessagesAsNotSentAndWaitsForInFlightOnes()
    {
        var sender = new HeldSender();
        using var stop = new CancellationTokenSource();
        using var dispatcher = new SendDispatcher(sender, new DispatchOptions { MaxInProgressPerMailbox = 1, MaxQueued = 10 }, stop.Token);
        for (var i = 1; i <= 3; i++)
        {
            dispatcher.Submit(i, Message("one@contoso.com"), null).ToList();
        }

        sender.WaitForStarted(1);
        stop.Cancel();
        var afterStop = dispatcher.Submit(4, Message("one@contoso.com"), null).ToList();
        var stopping = Task.Run(dispatcher.Stop);
        await Task.WhenAny(stopping, Task.Delay(50));
        Assert.False(stopping.IsCompleted, "Stop waits for the send in flight");
        sender.ReleaseAll();
        var rest = await stopping.WaitAsync(HangGuard);

        Assert.Equal(SendStatus.NotSent, Assert.Single(afterStop).Result.Status);
        Assert.Equal(new[] { (1, SendStatus.Sent), (2, SendStatus.NotSent), (3, SendStatus.NotSent) }, rest.Select(o => (o.Number, o.Result.Status)).OrderBy(p => p.Number));
        Assert.Single(sender.Started);
    }

    [Fact]
    public void RecordedOutcomesComeOutWithTheRest()
    {
        using var dispatcher = new SendDispatcher(new HeldSender(), new DispatchOptions(), CancellationToken.None);
        var failed = new SendOutcome(7, Message("one@contoso.com").Result(SendStatus.Failed, 0, TimeSpan.Zero, null, null, null), null);

        dispatcher.Record(failed);

        Assert.Same(failed, Assert.Single(dispatcher.TakeCompleted()));
        Assert.Equal(1, dispatcher.Progress.Failed);
    }

    private sealed class HeldSender : IMessageSender
    {
        private readonly BlockingCollection<TaskCompletionSource> _held = new();
        private readonly SemaphoreSlim _started = new(0);
        private volatile bool _releaseAll;

        internal ConcurrentQueue<OutgoingMessage> Started { get; } = new();

        public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Started.Enqueue(message);
            if (!_releaseAll)
            {
                _held.Add(release);
                _started.Release();
                await release.Task;
            }
            else
            {
                _started.Release();
            }

            return message.Result(SendStatus.Sent, 1, TimeSpan.Zero, null, null, null);
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
            held!.SetResult();
        }

        internal void ReleaseAll()
        {
            _releaseAll = true;
            while (_held.TryTake(out var held))
            {
                held.SetResult();
            }
        }
    }

    private sealed class ThrowingSender : IMessageSender
    {
        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop) => throw new InvalidOperationException("boom");
    }
}
